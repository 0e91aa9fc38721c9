import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BatchDialog } from '../../../../src-renderer/features/queue/BatchDialog';
import { renderWithStore, testApp } from '../../support/app-store';
import { ok } from '../../support/fake-api';
import { settle } from '../../support/manual-timers';
import { queueSnapshot } from '../../support/queue';

function dialog() {
  const app = testApp({ 'queue:add': () => ok(queueSnapshot()) });
  renderWithStore(<BatchDialog />, app);
  return app;
}

describe('<BatchDialog>', () => {
  it('queues one request per line of "Prompts, one per line"', async () => {
    const app = dialog();
    await userEvent.click(screen.getByRole('button', { name: 'Batch…' }));
    const batch = screen.getByRole('dialog', { name: 'Batch' });
    await userEvent.type(
      within(batch).getByRole('textbox', { name: 'Prompts, one per line' }),
      'one{Enter}{Enter}二',
    );
    expect(within(batch).getByRole('status').textContent).toBe('2 requests');
    await userEvent.click(within(batch).getByRole('button', { name: 'Add to queue' }));
    await act(settle);
    expect(app.fake.callsTo('queue:add')[0]?.items.map((item) => item.request.prompt)).toEqual(['one', '二']);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('reads a CSV file, lists its bad rows by line and queues the good ones', async () => {
    const app = dialog();
    await userEvent.click(screen.getByRole('button', { name: 'Batch…' }));
    const batch = screen.getByRole('dialog', { name: 'Batch' });
    await userEvent.click(within(batch).getByRole('tab', { name: 'CSV file' }));
    const csv = new File(['prompt,max_images\n"城市, 夜",1\nbad,99\n'], 'batch.csv', { type: 'text/csv' });
    await userEvent.upload(within(batch).getByLabelText('CSV file', { selector: 'input' }), csv);
    await act(settle);
    expect(within(batch).getByRole('alert').textContent).toMatch(/Line 3: maxImages/);
    expect(within(batch).getByRole('status').textContent).toBe('1 request');
    await userEvent.click(within(batch).getByRole('button', { name: 'Add to queue' }));
    await act(settle);
    expect(app.fake.callsTo('queue:add')[0]?.items.map((item) => item.request.prompt)).toEqual(['城市, 夜']);
  });

  it('offers the expanded template of the prompt box', async () => {
    const app = dialog();
    app.store.getState().updateDraft({ prompt: 'a {red|blue} {car|boat}' });
    await userEvent.click(screen.getByRole('button', { name: 'Batch…' }));
    const batch = screen.getByRole('dialog', { name: 'Batch' });
    await userEvent.click(within(batch).getByRole('tab', { name: 'Expanded template' }));
    expect(within(batch).getByRole('status').textContent).toBe('4 requests');
    expect(within(batch).getByText('a blue boat')).toBeTruthy();
  });
});
