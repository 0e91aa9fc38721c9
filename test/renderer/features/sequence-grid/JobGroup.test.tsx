import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { generationRequestSchema } from '../../../../src-preload/contract/generation';
import type { JobSlot, JobSnapshot } from '../../../../src-preload/contract/ipc';
import { JobGroup } from '../../../../src-renderer/features/sequence-grid/JobGroup';
import { renderWithStore, testApp } from '../../support/app-store';
import { ok } from '../../support/fake-api';
import { image } from '../../support/images';
import { generationRequest, job } from '../../support/jobs';
import { settle } from '../../support/manual-timers';

const refused = 'The provider refused the prompt as sensitive content. Rephrase it and try again.';

const failedJob = job({
  phase: 'failed',
  finishedAt: 9000,
  referenceIds: [7],
  request: generationRequest({ prompt: 'a forbidden fox' }),
  error: { code: 'content-rejected', message: refused, field: 'prompt' },
});

function savedSlot(index: number): JobSlot {
  return { index, state: 'saved', image: image(index + 10, { prompt: 'four oaks' }), error: null };
}

const partialJob = job({
  phase: 'done',
  finishedAt: 9000,
  request: generationRequest({ prompt: 'four oaks' }),
  slots: [
    savedSlot(0),
    { index: 1, state: 'failed', image: null, error: { code: 'content-rejected', message: 'Withheld.' } },
    savedSlot(2),
    savedSlot(3),
  ],
});

function renderJob(snapshot: JobSnapshot, handlers: Parameters<typeof testApp>[0] = {}) {
  const app = testApp({
    'generation:start': ({ request }) =>
      ok(job({ jobId: 'again', generationId: 2, request: generationRequestSchema.parse(request) })),
    ...handlers,
  });
  app.store.getState().receiveSnapshot(snapshot);
  renderWithStore(<JobGroup job={snapshot} />, app);
  return app;
}

describe('<JobGroup> when a job fails', () => {
  it('collapses to one row that says once what happened', () => {
    renderJob(failedJob);
    const row = screen.getByRole('group', { name: 'a forbidden fox' });
    expect(within(row).getAllByText(refused)).toHaveLength(1);
    expect(row.textContent.match(/sensitive/g)).toHaveLength(1);
    expect(within(row).queryByRole('listitem')).toBeNull();
    expect(within(row).queryByRole('gridcell')).toBeNull();
  });

  it('Retry sends the same request with the same references as a new job', async () => {
    const app = renderJob(failedJob);
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await act(settle);
    expect(app.fake.callsTo('generation:start')).toEqual([{ request: failedJob.request, referenceIds: [7] }]);
    expect(app.store.getState().jobs.map((entry) => entry.jobId)).toContain('again');
  });

  it('Edit request loads it into the workspace', async () => {
    const app = renderJob(failedJob, {
      'generation:remix': () => ok({ request: failedJob.request, references: [] }),
    });
    app.store.setState({ view: 'library' });
    await userEvent.click(screen.getByRole('button', { name: 'Edit request' }));
    await act(settle);
    expect(app.store.getState()).toMatchObject({ view: 'generate', draft: { prompt: 'a forbidden fox' } });
  });
});

describe('<JobGroup> when some images of a sequence fail', () => {
  it('keeps the good images and retries only the missing one', async () => {
    const app = renderJob(partialJob);
    const group = screen.getByRole('group', { name: 'four oaks' });
    expect(within(group).getAllByRole('img')).toHaveLength(3);
    expect(within(group).getByRole('alert').textContent).toContain('1 image is missing. Withheld.');
    await userEvent.click(within(group).getByRole('button', { name: 'Retry failed images' }));
    await act(settle);
    expect(app.fake.callsTo('generation:start')[0]?.request).toMatchObject({
      prompt: 'four oaks',
      sequential: 'disabled',
      maxImages: 1,
    });
  });
});
