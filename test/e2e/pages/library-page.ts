import { expect, type Locator, type Page } from '@playwright/test';

/** What page-side callbacks touch; the Node project has no DOM types. */
interface ImageLike {
  complete: boolean;
  naturalWidth: number;
}

interface ScrollerLike {
  scrollTop: number;
  scrollHeight: number;
}

/** The Library view, reached and read through roles and accessible names only. */
export class LibraryPage {
  readonly page: Page;
  readonly grid: Locator;
  readonly search: Locator;
  readonly details: Locator;
  readonly filters: Locator;
  readonly bulk: Locator;
  readonly places: Locator;
  readonly notifications: Locator;

  constructor(page: Page) {
    this.page = page;
    this.grid = page.getByRole('grid', { name: 'Library images' });
    this.search = page.getByRole('searchbox', { name: 'Search library' });
    this.details = page.getByRole('dialog', { name: 'Image details' });
    this.filters = page.getByRole('group', { name: 'Filters' });
    this.bulk = page.getByRole('toolbar', { name: 'Selected images' });
    this.places = page.getByRole('navigation', { name: 'Library sections' });
    this.notifications = page.getByRole('region', { name: 'Notifications' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  }

  /** The toast that says `text`. */
  toast(text: string): Locator {
    return this.notifications.getByRole('listitem').filter({ hasText: text });
  }

  /** The thumbnails on screen (the grid renders only what is near the viewport). */
  thumbnails(): Locator {
    return this.grid.getByRole('gridcell').getByRole('img');
  }

  cellWith(name: string | RegExp): Locator {
    return this.grid.getByRole('gridcell').filter({ has: this.page.getByRole('img', { name }) });
  }

  /** The "N images" status next to the search box. */
  async expectCount(count: number): Promise<void> {
    const label = `${count.toLocaleString('en-US')} ${count === 1 ? 'image' : 'images'}`;
    await expect(this.page.getByRole('status', { name: 'Result count' })).toHaveText(label);
  }

  async expectSelected(count: number): Promise<void> {
    if (count === 0) {
      await expect(this.bulk).toBeHidden();
      return;
    }
    await expect(this.bulk).toContainText(`${count.toLocaleString('en-US')} selected`);
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
  }

  async openDetailsOf(cell: Locator): Promise<void> {
    await cell.dblclick();
    await expect(this.details).toBeVisible();
  }

  /** The prompt paragraph of the details dialog. */
  detailsPrompt(): Locator {
    return this.details.getByRole('region', { name: 'Prompt' }).getByRole('paragraph');
  }

  detailsLinks(section: 'References' | 'Made from this image'): Locator {
    return this.details.getByRole('region', { name: section }).getByRole('button');
  }

  /** Waits until every visible cell shows a loaded thumbnail rather than a skeleton. */
  async expectThumbnailsLoaded(): Promise<void> {
    await expect(this.grid.locator('[role="gridcell"][aria-busy="true"]')).toHaveCount(0);
    await expect
      .poll(() =>
        this.thumbnails().evaluateAll((images) =>
          (images as unknown as ImageLike[]).every((image) => image.complete && image.naturalWidth > 0),
        ),
      )
      .toBe(true);
  }

  async scrollGridTo(position: 'top' | 'bottom'): Promise<void> {
    await this.grid.evaluate((element, where) => {
      const scroller = element as unknown as ScrollerLike;
      scroller.scrollTop = where === 'top' ? 0 : scroller.scrollHeight;
    }, position);
  }
}
