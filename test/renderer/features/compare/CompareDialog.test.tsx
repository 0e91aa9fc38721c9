import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { generationRequestSchema } from '../../../../src-preload/contract/generation';
import { CompareDialog } from '../../../../src-renderer/features/compare/CompareDialog';
import { renderWithStore, testApp } from '../../support/app-store';
import { ok } from '../../support/fake-api';
import { image } from '../../support/images';
import { job } from '../../support/jobs';
import { settle } from '../../support/manual-timers';

describe('<CompareDialog>', () => {
  it('sends the prompt to each chosen model at once and shows the results side by side', async () => {
    let next = 0;
    const app = testApp({
      'generation:start': ({ request }) => {
        next += 1;
        return ok(
          job({ jobId: `job-${next}`, generationId: next, request: generationRequestSchema.parse(request) }),
        );
      },
    });
    app.store.getState().watchJobs();
    app.store.getState().updateDraft({ prompt: 'a fox' });
    renderWithStore(<CompareDialog />, app);
    await userEvent.click(screen.getByRole('button', { name: 'Compare models' }));
    const dialog = screen.getByRole('dialog', { name: 'Compare models' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Compare' }));
    await act(settle);
    const calls = app.fake.callsTo('generation:start');
    const models = calls.map((call) => call.request.model);
    expect(models).toHaveLength(2);
    expect(new Set(models).size).toBe(2);
    expect(calls.every((call) => call.request.prompt === 'a fox')).toBe(true);
    const first = calls[0]?.request;
    act(() => {
      app.fake.emit(
        'generation:progress',
        job({
          jobId: 'job-1',
          generationId: 1,
          request: generationRequestSchema.parse(first),
          startedAt: 1000,
          finishedAt: 3500,
          phase: 'done',
          usage: { generatedImages: 1, outputTokens: 16384, totalTokens: 16384 },
          slots: [{ index: 0, state: 'saved', image: image(5), error: null }],
        }),
      );
    });
    const results = within(dialog).getByRole('region', { name: 'Comparison' });
    const columns = within(results).getAllByRole('region');
    expect(columns).toHaveLength(2);
    expect(columns[0]?.textContent).toContain('2.5 s');
    expect(columns[0]?.textContent).toContain('1 image(s), 16384 tokens');
    expect(columns[1]?.textContent).toContain('Generating…');
  });
});
