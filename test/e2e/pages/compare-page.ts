import { expect, type Locator, type Page } from '@playwright/test';

/** The comparison of two to four images, opened from the library or from Generate's results. */
export class ComparePage {
  readonly dialog: Locator;
  /** The before/after slider, there only for two images laid one over the other. */
  readonly position: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Compare' });
    this.position = this.dialog.getByRole('slider', { name: 'Compare position' });
  }

  images(): Locator {
    return this.dialog.getByRole('img');
  }

  /** How wide each image is drawn: equal widths for equal images mean one scale. */
  async imageWidths(): Promise<number[]> {
    const widths: number[] = [];
    for (const image of await this.images().all()) widths.push((await image.boundingBox())?.width ?? 0);
    return widths;
  }

  button(name: 'Zoom in' | 'Zoom out' | 'Fit to window' | 'Close compare'): Locator {
    return this.dialog.getByRole('button', { name, exact: true });
  }

  async layout(name: 'Side by side' | 'Before and after'): Promise<void> {
    await this.dialog.getByRole('radio', { name }).click();
  }
}

/** "Compare models" next to Generate: the workspace's request sent to several models, results side by side. */
export class CompareModelsDialog {
  readonly dialog: Locator;
  /** The results, one column (a region named by its model) per model. */
  readonly results: Locator;
  readonly columns: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Compare models' });
    this.results = this.dialog.getByRole('region', { name: 'Comparison' });
    this.columns = this.results.getByRole('region');
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Compare models' }).click();
    await expect(this.dialog).toBeVisible();
  }

  /** A model's checkbox, named by its label and what it may cost ("Seedream 4.5 · about $0.04 for 1 image"). */
  model(label: string): Locator {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.dialog.getByRole('checkbox', { name: new RegExp(`^${escaped}(?: ·|$)`) });
  }

  /** Picks exactly these models, clearing whatever was ticked before. */
  async choose(labels: readonly string[]): Promise<void> {
    for (const box of await this.dialog.getByRole('checkbox').all()) {
      if (await box.isEnabled()) await box.uncheck();
    }
    for (const label of labels) await this.model(label).check();
  }

  async compare(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Compare', exact: true }).click();
  }

  column(label: string): Locator {
    return this.results.getByRole('region', { name: label, exact: true });
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }
}
