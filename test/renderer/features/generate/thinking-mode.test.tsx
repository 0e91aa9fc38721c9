import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { modelCatalogue } from '../../../../src-preload/contract/models';
import { buildRequest } from '../../../../src-renderer/features/generate/draft';
import { ModelOptions } from '../../../../src-renderer/features/generate/ModelOptions';
import { renderWithStore, testApp } from '../../support/app-store';
import { openOptions } from '../../support/select';

// No documented model offers `thinking` yet (see model-table.ts); this file's catalogue has one that does, the
// way a future entry would, to show the form offers it from the catalogue alone.
vi.mock('../../../../src-preload/contract/model-table', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../../src-preload/contract/model-table')>();
  const [first] = original.modelCatalogue;
  if (!first) throw new Error('empty catalogue');
  const thinker = {
    ...first,
    id: 'seedream-thinker-test',
    label: 'Seedream thinker (test)',
    ids: { cometapi: 'seedream-thinker-test' },
    promptModes: ['standard', 'thinking'],
  };
  return { ...original, modelCatalogue: [...original.modelCatalogue, thinker] };
});

const context = { referenceCount: 0, progressiveDefault: false, lastSeed: null, randomSeed: () => 1 };

describe('the thinking prompt mode', () => {
  it('is offered for a catalogue entry that has it, and sent when chosen', async () => {
    const thinker = modelCatalogue.find((model) => model.promptModes.includes('thinking'));
    if (!thinker) throw new Error('the test catalogue has no thinking model');
    const app = testApp();
    act(() => {
      app.store.getState().updateDraft({ model: thinker.id });
    });
    renderWithStore(<ModelOptions issuesFor={() => []} />, app);
    const user = userEvent.setup();
    expect(await openOptions(user, 'Prompt optimisation')).toEqual(['Off', 'Standard', 'Thinking']);
    await user.click(screen.getByRole('option', { name: 'Thinking' }));
    expect(buildRequest(app.store.getState().draft, context).promptMode).toBe('thinking');
  });

  it('is neither offered nor sent for a model whose entry lacks it', async () => {
    const app = testApp();
    act(() => {
      app.store.getState().updateDraft({ model: 'doubao-seedream-4-0-250828', promptMode: 'thinking' });
    });
    renderWithStore(<ModelOptions issuesFor={() => []} />, app);
    expect(await openOptions(userEvent.setup(), 'Prompt optimisation')).not.toContain('Thinking');
    expect(buildRequest(app.store.getState().draft, context).promptMode).toBeUndefined();
  });
});
