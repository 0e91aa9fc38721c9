import { expect, type JSHandle, type Locator, type Page } from '@playwright/test';

/** What page-side callbacks touch; the Node project has no DOM types. */
interface ImageLike {
  complete: boolean;
  naturalWidth: number;
}

interface ScrollerLike {
  scrollTop: number;
  scrollHeight: number;
}

interface TransferLike {
  getData(type: string): string;
}

type Modifier = 'Shift' | 'Control';

export interface FileSpec {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Images dragged out of the grid, as the page's DataTransfer holds them. */
export interface DraggedImages {
  /** The ids in the in-app payload the reference tray reads. */
  ids(): Promise<number[]>;
  /** Drops them on the "Use as references" zone the library shows while dragging. */
  dropOnReferenceZone(): Promise<void>;
}

/** The Library view, reached and read through roles and accessible names only. */
export class LibraryPage {
  readonly grid: Locator;
  readonly search: Locator;
  readonly details: Locator;
  readonly filters: Locator;
  readonly bulk: Locator;
  readonly places: Locator;
  readonly notifications: Locator;
  readonly thumbSize: Locator;
  readonly referenceZone: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid', { name: 'Library images' });
    this.search = page.getByRole('searchbox', { name: 'Search library' });
    this.details = page.getByRole('dialog', { name: 'Image details' });
    this.filters = page.getByRole('group', { name: 'Filters' });
    this.bulk = page.getByRole('toolbar', { name: 'Selected images' });
    this.places = page.getByRole('navigation', { name: 'Library sections' });
    this.notifications = page.getByRole('region', { name: 'Notifications' });
    this.thumbSize = page.getByRole('slider', { name: 'Thumbnail size' });
    this.referenceZone = page.getByRole('region', { name: 'Use as references' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  }

  // The grid

  /** The cells on screen (the grid renders only what is near the viewport). */
  cells(): Locator {
    return this.grid.getByRole('gridcell');
  }

  cell(index: number): Locator {
    return this.cells().nth(index);
  }

  lastCell(): Locator {
    return this.cells().last();
  }

  cellWith(name: string | RegExp): Locator {
    return this.cells().filter({ has: this.page.getByRole('img', { name }) });
  }

  /** Clicks a cell as a user selects: alone, with Shift for a range, with Control to toggle. */
  async clickCell(index: number, modifiers: Modifier[] = []): Promise<void> {
    await this.cell(index).click({ modifiers });
  }

  /** The thumbnails on screen. */
  thumbnails(): Locator {
    return this.cells().getByRole('img');
  }

  thumbnail(index: number): Locator {
    return this.thumbnails().nth(index);
  }

  lastThumbnail(): Locator {
    return this.lastCell().getByRole('img');
  }

  /** The accessible name (the prompt) of a thumbnail on screen. */
  async thumbnailName(index: number): Promise<string | null> {
    return this.thumbnail(index).getAttribute('alt');
  }

  async columns(): Promise<number> {
    return Number(await this.grid.getAttribute('aria-colcount'));
  }

  /** A day or stack heading inside the grid. */
  gridHeading(name: string): Locator {
    return this.grid.getByRole('heading', { name });
  }

  stackButton(images: number): Locator {
    return this.grid.getByRole('button', { name: `Open the stack of ${images} images` });
  }

  stackHeading(images: number): Locator {
    return this.gridHeading(`Generation of ${images} images`);
  }

  /** Opens the first stack of this many images. */
  async openStack(images: number): Promise<void> {
    await this.stackButton(images).first().click();
  }

  async closeStack(): Promise<void> {
    await this.grid.getByRole('button', { name: 'Close stack' }).click();
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

  /** Starts dragging a thumbnail out of the grid, as the OS would when the user drags it. */
  async dragOut(index: number): Promise<DraggedImages> {
    // Page-side code: the Node project has no DOM types, so the browser's DataTransfer is described here.
    const dataTransfer: JSHandle = await this.page.evaluateHandle(() => {
      const browser = globalThis as unknown as { DataTransfer: new () => unknown };
      return new browser.DataTransfer();
    });
    await this.thumbnail(index).dispatchEvent('dragstart', { dataTransfer });
    return {
      ids: async () => {
        const payload = await dataTransfer.evaluate((transfer) =>
          (transfer as TransferLike).getData('application/x-seedream-image'),
        );
        return (JSON.parse(payload) as { id: number }[]).map((item) => item.id);
      },
      dropOnReferenceZone: async () => {
        await this.referenceZone.dispatchEvent('dragover', { dataTransfer });
        await this.referenceZone.dispatchEvent('drop', { dataTransfer });
      },
    };
  }

  // Counts, search, filters and places

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

  /** Types into the search box key by key, as a user does. */
  async typeSearch(text: string): Promise<void> {
    await this.search.pressSequentially(text, { delay: 15 });
  }

  /** The heading shown instead of the grid when nothing is there to show. */
  emptyHeading(name: string): Locator {
    return this.page.getByRole('heading', { name });
  }

  filterCheckbox(name: 'Favorites' | 'Made from references'): Locator {
    return this.page.getByRole('checkbox', { name });
  }

  filterSelect(name: 'Model' | 'Tag' | 'Size'): Locator {
    return this.filters.getByRole('combobox', { name });
  }

  dateFilter(name: 'From' | 'To'): Locator {
    return this.filters.getByLabel(name, { exact: true });
  }

  filterButton(name: string): Locator {
    return this.filters.getByRole('button', { name });
  }

  async sortBy(order: 'newest' | 'oldest'): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Sort' }).selectOption(order);
  }

  async groupBy(grouping: 'none' | 'day' | 'generation'): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Group' }).selectOption(grouping);
  }

  /** A button of the sidebar: All images, Trash, a collection, New collection, a collection's actions. */
  place(name: string | RegExp): Locator {
    return this.places.getByRole('button', { name });
  }

  /** Picks files through Import images… in the toolbar's menu, as the system file dialog would. */
  async importFiles(files: FileSpec[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'More library actions' }).click();
    await this.menuItem('Import images…').click();
    await (await chooser).setFiles(files);
  }

  // Selection, menus, dialogs and toasts

  bulkButton(name: string): Locator {
    return this.bulk.getByRole('button', { name, exact: true });
  }

  menuItem(name: string): Locator {
    return this.page.getByRole('menuitem', { name });
  }

  dialog(title: string): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  /** Fills a dialog's one field (by its label) and presses its submit button. */
  async submitDialog(title: string, field: string, value: string, submit: string): Promise<void> {
    const dialog = this.dialog(title);
    await dialog.getByLabel(field, { exact: true }).fill(value);
    await dialog.getByRole('button', { name: submit }).click();
  }

  async confirmDialog(title: string, button: string): Promise<void> {
    await this.dialog(title).getByRole('button', { name: button }).click();
  }

  /** The toast that says `text`. */
  toast(text: string): Locator {
    return this.notifications.getByRole('listitem').filter({ hasText: text });
  }

  toastButton(text: string, button: string): Locator {
    return this.toast(text).getByRole('button', { name: button });
  }

  // The details dialog

  async openDetailsOf(index: number): Promise<void> {
    await this.cell(index).dblclick();
    await expect(this.details).toBeVisible();
  }

  /** The prompt paragraph of the details dialog. */
  detailsPrompt(): Locator {
    return this.details.getByRole('region', { name: 'Prompt' }).getByRole('paragraph');
  }

  detailsRegion(name: string): Locator {
    return this.details.getByRole('region', { name });
  }

  detailsButton(name: string): Locator {
    return this.details.getByRole('button', { name, exact: true });
  }

  detailsImage(name: string): Locator {
    return this.details.getByRole('img', { name });
  }

  /** The first place the details show exactly this text. */
  detailsText(text: string): Locator {
    return this.details.getByText(text, { exact: true }).first();
  }

  detailsLinks(section: 'References' | 'Made from this image'): Locator {
    return this.detailsRegion(section).getByRole('button');
  }

  detailsLink(section: 'References' | 'Made from this image', index: number): Locator {
    return this.detailsLinks(section).nth(index);
  }

  /** The first link in a section to an image with this prompt. */
  detailsLinkTo(section: 'References' | 'Made from this image', prompt: string): Locator {
    return this.detailsLinks(section)
      .filter({ has: this.page.getByRole('img', { name: prompt }) })
      .first();
  }
}
