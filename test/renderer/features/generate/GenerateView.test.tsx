import { gatewayProfiles } from '../../../../src-preload/contract/gateway-profiles';
import { offerFor } from '../../../../src-preload/contract/model-offer';
import { modelCatalogue } from '../../../../src-preload/contract/models';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { generationRequestSchema } from '../../../../src-preload/contract/generation';
import { draftStorageKey } from '../../../../src-renderer/features/generate/draft';
import { GenerateView } from '../../../../src-renderer/features/generate/GenerateView';
import { testSettings } from '../../support/settings';
import { renderWithStore, testApp } from '../../support/app-store';
import { ok } from '../../support/fake-api';
import { job } from '../../support/jobs';
import { queueSnapshot } from '../../support/queue';
import { settle } from '../../support/manual-timers';

const balanceOff = {
  available: true,
  enabled: false,
  separateKeyLast4: null,
  remaining: null,
  checkedAt: null,
  problem: null,
};

function workspace() {
  const app = testApp({
    'settings:get': () => ok(testSettings()),
    'key:status': () =>
      ok({
        source: 'keychain',
        last4: 'abcd',
        gateway: 'https://api.cometapi.com',
        keychainAvailable: true,
        keychainProblem: null,
      }),
    'generation:jobs': () => ok([]),
    'models:offer': () => ok(offerFor(modelCatalogue, gatewayProfiles.cometapi, null)),
    'balance:status': () => ok(balanceOff),
    'queue:list': () => ok(queueSnapshot()),
    'referenceSets:list': () => ok([]),
    'queue:add': () => ok(queueSnapshot()),
    'prompts:history': () => ok([{ prompt: '一只猫 earlier', generationId: 4, lastUsedAt: 1 }]),
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

  it('walks the prompt history with Ctrl+Up and Ctrl+Down in the prompt box', async () => {
    const app = workspace();
    const prompt = screen.getByRole('textbox', { name: 'Prompt' });
    await userEvent.type(prompt, 'new text');
    await userEvent.keyboard('{Control>}{ArrowUp}{/Control}');
    await act(settle);
    expect(app.store.getState().draft.prompt).toBe('一只猫 earlier');
    await userEvent.keyboard('{Control>}{ArrowDown}{/Control}');
    await act(settle);
    expect(app.store.getState().draft.prompt).toBe('new text');
  });

  it('fills template variables in a small form and queues every combination with "Add to queue"', async () => {
    const app = workspace();
    await act(settle);
    const prompt = screen.getByRole('textbox', { name: 'Prompt' });
    await userEvent.type(prompt, '{{subject} at {{dawn|dusk}');
    const variables = screen.getByRole('group', { name: 'Variables' });
    expect(within(variables).getByRole('status').textContent).toBe('Fill in subject to send it.');
    await userEvent.type(within(variables).getByRole('textbox', { name: 'subject' }), 'a heron');
    expect(within(variables).getByRole('status').textContent).toMatch(/^Makes 2 prompts/);
    await userEvent.click(screen.getByRole('button', { name: 'Add to queue' }));
    expect(app.fake.callsTo('queue:add')[0]?.items.map((item) => item.request.prompt)).toEqual([
      'a heron at dawn',
      'a heron at dusk',
    ]);
    expect(app.fake.callsTo('generation:start')).toEqual([]);
  });
});
