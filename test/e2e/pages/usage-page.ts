import type { Download, Locator, Page } from '@playwright/test';

/** The Usage view: spend per period, model and gateway, as a chart, a table and a CSV file. */
export class UsagePage {
  readonly region: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Usage' });
    this.table = this.region.getByRole('table');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Usage' }).click();
  }

  /** The table's rows, without its header. */
  rows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader') });
  }

  async groupBy(period: 'Day' | 'Week' | 'Month'): Promise<void> {
    await this.region.getByRole('radio', { name: period }).click();
  }

  /** Clicks Export CSV and returns the file the browser was handed. */
  async exportCsv(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.region.getByRole('button', { name: 'Export CSV' }).click();
    return download;
  }
}
