import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { modelCatalogue } from '../../../../src-preload/contract/models';
import { ModelSwitchNotice } from '../../../../src-renderer/features/generate/ModelSwitchNotice';
import { renderWithStore, testApp } from '../../support/app-store';
import { image } from '../../support/images';

// Found by what they offer, so the test keeps model ids out of the renderer's tests too.
const wide = modelCatalogue.find((model) => model.maxReferences === 14 && model.sizePresets.includes('4K'));
const narrow = modelCatalogue.find((model) => model.maxReferences === 10 && !model.sequentialGeneration);

function workspace() {
  if (!wide || !narrow) throw new Error('the catalogue lacks the models this test needs');
  const app = testApp();
  app.store.getState().updateDraft({
    model: wide.id,
    size: { kind: 'preset', preset: '4K' },
    sequential: 'auto',
    maxImages: 1,
  });
  app.store.getState().addReferences(Array.from({ length: 14 }, (_, index) => image(index + 1)));
  return { app, wide, narrow };
}

describe('switching models in the workspace', () => {
  it('lists every change, keeps what fits, and undoes it all', async () => {
    const { app, wide, narrow } = workspace();
    renderWithStore(<ModelSwitchNotice />, app);
    act(() => {
      app.store.getState().chooseModel(narrow.id);
    });
    const state = app.store.getState();
    expect(state.draft.model).toBe(narrow.id);
    expect(state.references.map((reference) => reference.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(screen.getByRole('status').textContent).toContain('10 references kept of 14');
    expect(screen.getByRole('status').textContent).toContain('size 4K became 2K');
    expect(screen.getByRole('status').textContent).toContain('a sequence of up to 1 images became one image');

    await userEvent.setup().click(screen.getByRole('button', { name: 'Undo' }));
    expect(app.store.getState().draft.model).toBe(wide.id);
    expect(app.store.getState().references).toHaveLength(14);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says nothing when nothing had to change', () => {
    const { app } = workspace();
    const same = modelCatalogue.find(
      (model) => model.id !== wide?.id && model.maxReferences === 14 && model.sizePresets.includes('4K'),
    );
    if (!same) throw new Error('no second 4K model');
    act(() => {
      app.store.getState().chooseModel(same.id);
    });
    expect(app.store.getState().modelSwitch).toBeNull();
    expect(app.store.getState().draft.model).toBe(same.id);
  });
});
