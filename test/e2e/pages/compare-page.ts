import type { Locator, Page } from '@playwright/test';

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
