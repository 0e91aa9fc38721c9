import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useGlobalShortcuts } from '../../../src-renderer/app/use-global-shortcuts';
import { i18next } from '../../../src-renderer/i18n';
import { ShortcutsDialog } from '../../../src-renderer/shortcuts/ShortcutsDialog';
import { shortcutTable, type ShortcutId } from '../../../src-renderer/shortcuts/shortcut-table';
import { renderWithStore, testApp } from '../support/app-store';

function Frame() {
  useGlobalShortcuts();
  return (
    <>
      <label>
        Notes
        <textarea />
      </label>
      <ShortcutsDialog />
    </>
  );
}

describe('<ShortcutsDialog>', () => {
  it('opens with ? and lists every shortcut of the table the handlers use', async () => {
    const app = testApp();
    renderWithStore(<Frame />, app);
    await userEvent.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const listed = within(dialog)
      .getAllByRole('term')
      .map((term) => term.textContent);
    expect(listed).toEqual(
      (Object.keys(shortcutTable) as ShortcutId[]).map((id) => i18next.t(`shortcuts.items.${id}`)),
    );
    expect(within(dialog).getAllByText('Ctrl').length).toBeGreaterThan(3);
    // The viewer's, the inspector's and compare's keys are in the same sheet.
    for (const heading of ['Viewer', 'Compare', 'Library']) {
      expect(within(dialog).getByRole('heading', { name: heading })).toBeTruthy();
    }
    expect(listed).toEqual(
      expect.arrayContaining(['Close the viewer', 'Show or hide the inspector', 'Close the comparison']),
    );
    // A key held while dragging says so: Space pans the Edit canvas.
    const pan = within(dialog).getByText('Pan the canvas (or drag with the middle mouse button)');
    expect(pan.nextElementSibling?.textContent).toBe('Space + drag');
    // The list scrolls when the window is short, so the keyboard can reach it to scroll it.
    expect(within(dialog).getByRole('region', { name: 'Every shortcut' }).tabIndex).toBe(0);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('leaves ? to a text field being typed in', async () => {
    renderWithStore(<Frame />, testApp());
    await userEvent.type(screen.getByRole('textbox', { name: 'Notes' }), 'why?');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('switches views with Ctrl and a digit or comma', async () => {
    const app = testApp();
    renderWithStore(<Frame />, app);
    await userEvent.keyboard('{Control>}2{/Control}');
    expect(app.store.getState().view).toBe('library');
    await userEvent.keyboard('{Control>},{/Control}');
    expect(app.store.getState().view).toBe('settings');
    await act(async () => {
      await userEvent.keyboard('{Meta>}1{/Meta}');
    });
    expect(app.store.getState().view).toBe('generate');
  });
});
