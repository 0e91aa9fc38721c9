import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ReferenceSet } from '../../../../src-preload/contract/prompts';
import { ReferenceSets } from '../../../../src-renderer/features/reference-tray/ReferenceSets';
import { renderWithStore, testApp } from '../../support/app-store';
import { ok } from '../../support/fake-api';
import { image } from '../../support/images';
import { settle } from '../../support/manual-timers';

describe('<ReferenceSets>', () => {
  it('saves the tray as a named set, uses it in one click and shows which generations used it', async () => {
    const sets: ReferenceSet[] = [];
    const app = testApp({
      'referenceSets:list': () => ok(sets),
      'referenceSets:save': ({ name, imageIds }) => {
        const set = { id: 1, name, images: imageIds.map((id) => image(id)), createdAt: 1, updatedAt: 1 };
        sets.push(set);
        return ok(set);
      },
      'referenceSets:uses': () =>
        ok([{ generationId: 9, prompt: 'the hero at dawn', model: 'm', createdAt: 1, image: image(12) }]),
    });
    renderWithStore(<ReferenceSets />, app);
    await act(settle);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save as set' }).disabled).toBe(true);
    act(() => {
      app.store.getState().replaceReferences([image(3), image(4)]);
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save as set' }));
    const dialog = screen.getByRole('dialog', { name: 'Save as set' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Set name' }), 'Hero{Enter}');
    await act(settle);
    expect(app.fake.callsTo('referenceSets:save')).toEqual([{ name: 'Hero', imageIds: [3, 4] }]);
    act(() => {
      app.store.getState().clearReferences();
    });
    await userEvent.click(screen.getByRole('button', { name: 'Use Hero' }));
    expect(app.store.getState().references.map((reference) => reference.id)).toEqual([3, 4]);
    await userEvent.click(screen.getByRole('button', { name: 'Show generations' }));
    await act(settle);
    expect(screen.getByText('Used by 1 generation')).toBeTruthy();
    expect(screen.getByText('the hero at dawn')).toBeTruthy();
  });
});
