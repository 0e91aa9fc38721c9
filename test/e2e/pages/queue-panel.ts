import { expect, type Locator, type Page } from '@playwright/test';

/** The region "Queue" and the actions that fill it, by role and accessible name. */
export class QueuePanel {
  readonly region: Locator;
  readonly items: Locator;
  readonly pauseButton: Locator;
  readonly resumeButton: Locator;
  /** What the queue says about itself: why it paused ("Paused: …"). */
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Queue' });
    this.items = this.region.getByRole('listitem');
    this.pauseButton = this.region.getByRole('button', { name: 'Pause queue' });
    this.resumeButton = this.region.getByRole('button', { name: 'Resume queue' });
    this.status = this.region.getByRole('status');
  }

  /** The item whose prompt is `prompt`, whatever its state. */
  item(prompt: string): Locator {
    return this.items.filter({ has: this.page.getByTitle(prompt, { exact: true }) });
  }

  /** Items in a state as the panel words it ("Done", "Waiting", "Outcome unknown"...). */
  inState(state: string): Locator {
    return this.items.filter({ has: this.page.getByText(state, { exact: true }) });
  }

  /** "Add to queue" next to Generate: the workspace's request, once per prompt its template makes. */
  async addDraft(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add to queue', exact: true }).click();
  }

  /** "Batch…" with prompts one per line, then "Add to queue". */
  async addBatch(prompts: readonly string[]): Promise<void> {
    await this.page.getByRole('button', { name: 'Batch…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Batch' });
    await dialog.getByRole('textbox', { name: 'Prompts, one per line' }).fill(prompts.join('\n'));
    await expect(dialog.getByRole('status')).toHaveText(`${prompts.length} requests`);
    await dialog.getByRole('button', { name: 'Add to queue' }).click();
    await expect(dialog).toHaveCount(0);
  }
}
