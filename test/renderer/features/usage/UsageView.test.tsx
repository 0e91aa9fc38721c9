import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../../src-preload/contract/usage';
import { UsageView } from '../../../../src-renderer/features/usage/UsageView';
import { renderWithStore, testApp } from '../../support/app-store';
import { failed, ok } from '../../support/fake-api';
import { settle } from '../../support/manual-timers';

function entry(day: number, costMicros: number, patch: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    generationId: day,
    // Noon UTC, the same calendar day in every zone the tests run in.
    createdAt: Date.UTC(2026, 2, day, 12),
    status: 'succeeded',
    model: 'doubao-seedream-4-5-251128',
    gateway: 'cometapi',
    currency: 'USD',
    images: 1,
    costMicros,
    running: false,
    ...patch,
  };
}

async function usageView(entries: LedgerEntry[]) {
  const app = testApp({ 'usage:ledger': () => ok(entries) });
  renderWithStore(<UsageView />, app);
  await act(settle);
  return app;
}

describe('UsageView', () => {
  it('shows spend and images per day, model and gateway, with what failed requests billed', async () => {
    await usageView([
      entry(3, 40_000),
      entry(3, 80_000, { images: 2, status: 'cancelled' }),
      entry(10, 35_000, { model: 'doubao-seedream-5-0-260128' }),
    ]);
    const region = screen.getByRole('region', { name: 'Usage' });
    const table = within(region).getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((tableRow) => tableRow.textContent)).toEqual([
      '2026-03-03Seedream 4.5CometAPI3$0.12$0.08',
      '2026-03-10Seedream 5.0 liteCometAPI1$0.035$0.00',
    ]);
  });

  it('groups by week and month on request', async () => {
    await usageView([entry(3, 40_000), entry(10, 35_000)]);
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'Week' }));
    expect(screen.getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual([
      '2026-03-02',
      '2026-03-09',
    ]);
    await user.click(screen.getByRole('radio', { name: 'Month' }));
    expect(screen.getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['2026-03']);
    expect(screen.getByRole('row', { name: /2026-03/ }).textContent).toContain('$0.075');
  });

  it('says when nothing was spent, and when the ledger cannot be read', async () => {
    await usageView([]);
    expect(screen.getByText(/Nothing spent yet/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toHaveProperty('disabled', true);
    const app = testApp({ 'usage:ledger': () => failed('The library is closed.') });
    renderWithStore(<UsageView />, app);
    await act(settle);
    expect(screen.getByRole('alert').textContent).toBe('Usage could not be read: The library is closed.');
  });
});
