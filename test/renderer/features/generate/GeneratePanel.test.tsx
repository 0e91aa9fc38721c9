import { modelCatalogue } from '../../../../src-preload/contract/models';
import { gatewayProfiles } from '../../../../src-preload/contract/gateway-profiles';
import { offerFor } from '../../../../src-preload/contract/model-offer';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../../src-preload/contract/ipc';
import { GenerateView } from '../../../../src-renderer/features/generate/GenerateView';
import { queueSnapshot } from '../../support/queue';
import { renderWithStore, testApp } from '../../support/app-store';
import { ok } from '../../support/fake-api';
import { image } from '../../support/images';
import { settle } from '../../support/manual-timers';
import { testSettings } from '../../support/settings';

const settings: Settings = testSettings();

async function panel() {
  const app = testApp({
    'settings:get': () => ok(settings),
    'generation:jobs': () => ok([]),
    // A gateway that sells every model in the table, so each one's controls can be shown.
    'models:offer': () => ok(offerFor(modelCatalogue, gatewayProfiles.byteplus, null)),
    'queue:list': () => ok(queueSnapshot()),
    'referenceSets:list': () => ok([]),
  });
  renderWithStore(<GenerateView />, app);
  await act(settle);
  return { app, controls: screen.getByRole('group', { name: 'Generation settings' }) };
}

async function chooseModel(name: string) {
  await userEvent.click(screen.getByRole('combobox', { name: 'Model' }));
  await userEvent.click(await screen.findByRole('option', { name: new RegExp(`^${name}`) }));
}

describe('the Generate panel', () => {
  it('says nothing about the prompt until there is something to say', async () => {
    const { app, controls } = await panel();
    expect(controls.textContent).not.toMatch(/%|recommended|characters/);
    act(() => {
      app.store.getState().updateDraft({ prompt: 'a'.repeat(900) });
    });
    expect(controls.textContent).toContain('90% of the recommended length');
    act(() => {
      app.store.getState().updateDraft({ prompt: 'a'.repeat(1200) });
    });
    expect(controls.textContent).not.toContain('% of the recommended length');
    expect(within(controls).getAllByText(/longer than recommended/)).toHaveLength(1);
  });

  it('picks the aspect ratio from shapes, with the exact size under it', async () => {
    const { app } = await panel();
    const picker = screen.getByRole('radiogroup', { name: 'Aspect ratio' });
    await userEvent.click(within(picker).getByRole('radio', { name: '16:9' }));
    expect(app.store.getState().draft.size).toEqual({ kind: 'aspect', ratio: '16:9', preset: '2K' });
    expect(screen.getByText('2560 × 1440 · 3.7 MP')).toBeTruthy();

    await userEvent.click(
      within(screen.getByRole('radiogroup', { name: 'Resolution' })).getByRole('radio', { name: '4K' }),
    );
    expect(app.store.getState().draft.size).toEqual({ kind: 'aspect', ratio: '16:9', preset: '4K' });

    await userEvent.click(within(picker).getByRole('radio', { name: 'Auto' }));
    expect(screen.getByText('4K · the model picks the shape from the prompt')).toBeTruthy();

    await userEvent.click(within(picker).getByRole('radio', { name: 'Custom' }));
    expect(screen.getByRole('group', { name: 'Custom size' })).toBeTruthy();
    expect(screen.queryByRole('radiogroup', { name: 'Resolution' })).toBeNull();
  });

  it('asks for a number of images by quick choice or by typing it', async () => {
    const { app } = await panel();
    const choices = screen.getByRole('radiogroup', { name: 'Images' });
    expect(within(choices).getByRole('radio', { name: '1 image' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.queryByText(/Up to/)).toBeNull();

    await userEvent.click(within(choices).getByRole('radio', { name: '4 images' }));
    expect(app.store.getState().draft).toMatchObject({ sequential: 'auto', maxImages: 4 });
    expect(screen.getByText(/Up to 4/)).toBeTruthy();

    const field = screen.getByRole('spinbutton', { name: 'Number of images' });
    await userEvent.clear(field);
    await userEvent.type(field, '12');
    expect(app.store.getState().draft).toMatchObject({ sequential: 'auto', maxImages: 12 });

    await userEvent.click(within(choices).getByRole('radio', { name: '1 image' }));
    expect(app.store.getState().draft).toMatchObject({ sequential: 'disabled' });
  });

  it('shows only the controls the chosen model can use', async () => {
    const { controls } = await panel();
    const advanced = () => within(controls).getByText('Advanced').closest('details');
    await userEvent.click(within(controls).getByText('Advanced'));
    expect(within(controls).getByRole('checkbox', { name: 'Progressive results' })).toBeTruthy();
    expect(within(controls).queryByRole('radiogroup', { name: 'Output format' })).toBeNull();
    expect(advanced()?.textContent).not.toMatch(/Seed|Guidance/);

    await chooseModel('Seedream 5.0 pro');
    expect(within(controls).queryByRole('radiogroup', { name: 'Images' })).toBeNull();
    expect(within(controls).queryByRole('checkbox', { name: 'Progressive results' })).toBeNull();
    expect(within(controls).getByRole('radiogroup', { name: 'Output format' })).toBeTruthy();
    expect(
      within(screen.getByRole('radiogroup', { name: 'Resolution' }))
        .getAllByRole('radio')
        .map((radio) => radio.textContent),
    ).toEqual(['1K', '2K']);
  });

  it('keeps a tray the model cannot use only while it still holds references', async () => {
    const { app } = await panel();
    expect(screen.getByRole('heading', { name: 'Reference images' })).toBeTruthy();
    act(() => {
      app.store.getState().addReferences([image(4)]);
    });
    expect(screen.getByRole('heading', { name: 'Reference images' })).toBeTruthy();
  });
});
