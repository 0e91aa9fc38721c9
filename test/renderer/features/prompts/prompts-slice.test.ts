import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app-store';
import { ok } from '../../support/fake-api';
import { image } from '../../support/images';

const history = ['newest', 'middle', 'oldest'].map((prompt, index) => ({
  prompt,
  generationId: 10 - index,
  lastUsedAt: 1000 - index,
}));

describe('prompts slice', () => {
  it('walks back through the history and forward to what was typed', async () => {
    const app = testApp({ 'prompts:history': () => ok(history) });
    const state = () => app.store.getState();
    state().updateDraft({ prompt: 'half typed' });
    await state().stepPromptHistory(1);
    expect(state().draft.prompt).toBe('half typed');
    await state().stepPromptHistory(-1);
    expect(state().draft.prompt).toBe('newest');
    await state().stepPromptHistory(-1);
    await state().stepPromptHistory(-1);
    await state().stepPromptHistory(-1);
    expect(state().draft.prompt).toBe('oldest');
    await state().stepPromptHistory(1);
    expect(state().draft.prompt).toBe('middle');
    await state().stepPromptHistory(1);
    await state().stepPromptHistory(1);
    expect(state().draft.prompt).toBe('half typed');
    expect(state().historyWalk).toBeNull();
    expect(app.fake.callsTo('prompts:history')).toHaveLength(1);
  });

  it('skips a history entry equal to the prompt shown', async () => {
    const app = testApp({ 'prompts:history': () => ok(history) });
    app.store.getState().updateDraft({ prompt: 'newest' });
    await app.store.getState().stepPromptHistory(-1);
    expect(app.store.getState().draft.prompt).toBe('middle');
  });

  it('saves the tray as a set and uses a set in one click', async () => {
    const set = { id: 1, name: 'Hero', images: [image(3), image(4)], createdAt: 1, updatedAt: 1 };
    const app = testApp({
      'referenceSets:save': () => ok(set),
      'referenceSets:list': () => ok([set]),
    });
    const state = () => app.store.getState();
    state().replaceReferences([image(3), image(4)]);
    expect(await state().saveReferenceSet('Hero')).toBe(true);
    expect(app.fake.callsTo('referenceSets:save')).toEqual([{ name: 'Hero', imageIds: [3, 4] }]);
    state().clearReferences();
    state().applyReferenceSet(state().referenceSets[0] ?? set);
    expect(state().references.map((reference) => reference.id)).toEqual([3, 4]);
  });
});
