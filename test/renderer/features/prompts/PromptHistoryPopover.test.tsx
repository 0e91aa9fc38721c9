import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PromptHistoryPopover } from '../../../../src-renderer/features/prompts/PromptHistoryPopover';
import { renderWithStore, testApp } from '../../support/app-store';
import { ok } from '../../support/fake-api';
import { settle } from '../../support/manual-timers';

const entries = [
  { prompt: 'a red fox', generationId: 2, lastUsedAt: 2 },
  { prompt: '一只小猫', generationId: 1, lastUsedAt: 1 },
];

describe('<PromptHistoryPopover>', () => {
  it('searches the history through main and puts the chosen prompt in the prompt box', async () => {
    const app = testApp({
      'prompts:history': ({ query }) =>
        ok(query ? entries.filter((entry) => entry.prompt.includes(query)) : entries),
    });
    renderWithStore(<PromptHistoryPopover />, app);
    await userEvent.click(screen.getByRole('button', { name: 'Prompt history' }));
    await act(settle);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search prompts' }), '小猫');
    await act(settle);
    expect(app.fake.callsTo('prompts:history').at(-1)).toEqual({ query: '小猫', limit: 100 });
    await userEvent.click(screen.getByRole('button', { name: '一只小猫' }));
    expect(app.store.getState().draft.prompt).toBe('一只小猫');
  });
});
