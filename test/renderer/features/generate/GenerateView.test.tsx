import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { generationRequestSchema } from '../../../../src-preload/contract/generation';
import { draftStorageKey } from '../../../../src-renderer/features/generate/draft';
import { GenerateView } from '../../../../src-renderer/features/generate/GenerateView';
import { renderWithStore, testApp } from '../../support/app-store';
import { ok } from '../../support/fake-api';
import { job } from '../../support/jobs';
import { settle } from '../../support/manual-timers';

function workspace() {
  const app = testApp({
    'settings:get': () =>
      ok({
        apiBaseUrl: 'https://api.cometapi.com',
        progressiveResults: false,
        language: 'en',
        proxyMode: 'system',
        proxyUrl: '',
        queueConcurrency: 2,
        queueRequestsPerMinute: 20,
      }),
    'key:status': () =>
      ok({
        source: 'keychain',
        last4: 'abcd',
        gateway: 'https://api.cometapi.com',
        keychainAvailable: true,
        keychainProblem: null,
      }),
    'generation:jobs': () => ok([]),
    'generation:start': ({ request }) =>
      ok(job({ jobId: 'new', request: generationRequestSchema.parse(request) })),
  });
  renderWithStore(<GenerateView />, app);
  return app;
}

describe('<GenerateView>', () => {
  it('keeps what is typed in the draft, which outlives the window', async () => {
    const app = workspace();
    await userEvent.type(screen.getByRole('textbox', { name: 'Prompt' }), 'a heron at dawn');
    expect(app.store.getState().draft.prompt).toBe('a heron at dawn');
    expect(JSON.parse(app.storage.getItem(draftStorageKey) ?? '{}')).toMatchObject({
      prompt: 'a heron at dawn',
    });
  });

  it('moves the focus to the prompt instead of sending an empty one', async () => {
    const app = workspace();
    await act(settle);
    await userEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await act(async () => {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Prompt' }));
    expect(app.fake.callsTo('generation:start')).toEqual([]);
  });

  it('sends the draft with Ctrl+Enter and lists the job it started', async () => {
    const app = workspace();
    const prompt = screen.getByRole('textbox', { name: 'Prompt' });
    await userEvent.type(prompt, 'a heron');
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await act(settle);
    expect(app.fake.callsTo('generation:start')[0]?.request).toMatchObject({ prompt: 'a heron' });
    expect(screen.getAllByRole('group', { name: 'a heron' })).toHaveLength(1);
  });
});
