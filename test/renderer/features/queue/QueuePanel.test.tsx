import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { QueuePanel } from '../../../../src-renderer/features/queue/QueuePanel';
import { renderWithStore, testApp } from '../../support/app-store';
import { ok } from '../../support/fake-api';
import { settle } from '../../support/manual-timers';
import { queueItem, queueSnapshot } from '../../support/queue';

const unknown = queueItem(3, 'maybe paid', {
  state: 'unknown',
  generationId: 9,
  error: { code: 'interrupted', message: 'The app stopped while this request may have been on its way.' },
});

function panel() {
  const items = [queueItem(1, 'first'), queueItem(2, 'second'), unknown];
  const app = testApp({
    'queue:list': () => ok(queueSnapshot(items)),
    'queue:pause': () => ok(queueSnapshot(items, { paused: true })),
    'queue:resume': () => ok(queueSnapshot(items)),
    'queue:retry': () => ok(queueSnapshot(items)),
    'queue:reorder': () => ok(queueSnapshot(items)),
  });
  renderWithStore(<QueuePanel />, app);
  return app;
}

describe('<QueuePanel>', () => {
  it('is the region "Queue", and pauses and resumes it', async () => {
    const app = panel();
    await act(settle);
    const region = screen.getByRole('region', { name: 'Queue' });
    expect(within(region).getByText('2 waiting, 0 running, 1 finished')).toBeTruthy();
    await userEvent.click(within(region).getByRole('button', { name: 'Pause queue' }));
    expect(app.fake.callsTo('queue:pause')).toHaveLength(1);
    await userEvent.click(await within(region).findByRole('button', { name: 'Resume queue' }));
    expect(app.fake.callsTo('queue:resume')).toHaveLength(1);
  });

  it('reorders waiting items', async () => {
    const app = panel();
    await act(settle);
    const second = screen.getByRole('listitem', { name: 'Waiting: second' });
    await userEvent.click(within(second).getByRole('button', { name: 'Move up' }));
    expect(app.fake.callsTo('queue:reorder')).toEqual([{ ids: [2, 1] }]);
  });

  it('sends an item whose outcome is unknown again only after the user confirms', async () => {
    const app = panel();
    await act(settle);
    const item = screen.getByRole('listitem', { name: 'Outcome unknown: maybe paid' });
    await userEvent.click(within(item).getByRole('button', { name: 'Send again…' }));
    expect(app.fake.callsTo('queue:retry')).toEqual([]);
    const dialog = await screen.findByRole('dialog', { name: 'Send this request again?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send again' }));
    expect(app.fake.callsTo('queue:retry')).toEqual([{ ids: [3], resendUnknown: true }]);
  });
});
