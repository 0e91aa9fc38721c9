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

type Modifier = 'Shift' | 'Control';

export interface FileSpec {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Images dragged out of the grid: an OS drag of their files, which main started. */
export interface DraggedImages {
  /** Drops them back inside the app, on the "Use as references" zone the library shows while dragging. */
  dropOnReferenceZone(): Promise<void>;
}

export type InspectorSection = 'Made from' | 'Used in' | 'Prompt' | 'Tags' | 'Collections';

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
    this.details = page.getByRole('region', { name: 'Image details' });
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

  /**
   * Starts dragging a thumbnail out of the grid as the user does; the app cancels the HTML5 drag and asks main
   * for the OS drag of the files (recorded by the Chromium driver).
   */
  async dragOut(index: number): Promise<DraggedImages> {
    // Page-side code: the Node project has no DOM types, so the browser's DataTransfer is described here.
    const dataTransfer: JSHandle = await this.page.evaluateHandle(() => {
      const browser = globalThis as unknown as { DataTransfer: new () => unknown };
      return new browser.DataTransfer();
    });
    await this.thumbnail(index).dispatchEvent('dragstart', { dataTransfer });
    await expect(this.referenceZone).toBeVisible();
    return {
      dropOnReferenceZone: async () => {
        await this.referenceZone.dispatchEvent('dragover', { dataTransfer });
        await this.referenceZone.dispatchEvent('drop', { dataTransfer });
      },
    };
  }

  /** Right-clicks a cell; its context menu opens. */
  async contextMenu(index: number): Promise<Locator> {
    await this.cell(index).click({ button: 'right' });
    const menu = this.page.getByRole('menu');
    await expect(menu).toBeVisible();
    return menu;
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

  /** The "Filters" toggle, which opens the filters over the grid. */
  filtersToggle(): Locator {
    return this.page.getByRole('button', { name: /^Filters/ });
  }

  async openFilters(): Promise<void> {
    if (await this.filters.isVisible()) return;
    await this.filtersToggle().click();
    await expect(this.filters).toBeVisible();
  }

  async closeFilters(): Promise<void> {
    if (!(await this.filters.isVisible())) return;
    await this.page.keyboard.press('Escape');
    await expect(this.filters).toBeHidden();
  }

  /** A filter checkbox (the filters must be open). */
  filterCheckbox(name: 'Favorites' | 'Made from references'): Locator {
    return this.filters.getByRole('checkbox', { name });
  }

  filterSelect(name: 'Model' | 'Tag' | 'Size'): Locator {
    return this.filters.getByRole('combobox', { name });
  }

  /** Opens a filter's pop-up list and picks the option a person reads (the filters must be open). */
  async chooseFilter(name: 'Model' | 'Tag' | 'Size', option: string): Promise<void> {
    await this.filterSelect(name).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
    await expect(this.filterSelect(name)).toHaveText(option);
  }

  /** The date field's button, which names the date as the UI language writes it. */
  dateFilter(name: 'From' | 'To'): Locator {
    return this.filters.getByRole('button', { name: new RegExp(`^${name} `) });
  }

  /** Picks a `YYYY-MM-DD` day in a date filter's calendar, going month by month as a user does. */
  async pickDate(name: 'From' | 'To', day: string): Promise<void> {
    const [year, month, date] = day.split('-').map(Number);
    if (year === undefined || month === undefined || date === undefined) throw new Error(`Not a day: ${day}`);
    const target = new Date(year, month - 1, date);
    await this.dateFilter(name).click();
    const calendar = this.page.getByRole('dialog', { name });
    const title = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long' }).format(target);
    for (let step = 0; step < 48; step += 1) {
      const shown = await calendar.getByRole('grid').getAttribute('aria-label');
      if (shown === title) break;
      const shownMonth = new Date(`${shown ?? ''} 1`);
      await calendar
        .getByRole('button', { name: shownMonth > target ? 'Previous month' : 'Next month' })
        .click();
    }
    const label = new Intl.DateTimeFormat('en', { dateStyle: 'full' }).format(target);
    await calendar.getByRole('button', { name: label, exact: true }).click();
    await expect(calendar).toBeHidden();
  }

  filterButton(name: string): Locator {
    return this.filters.getByRole('button', { name });
  }

  private async arrange(choice: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Sort and group' }).click();
    await this.page.getByRole('menuitemradio', { name: choice }).click();
  }

  async sortBy(order: 'newest' | 'oldest'): Promise<void> {
    await this.arrange(order === 'newest' ? 'Newest first' : 'Oldest first');
  }

  async groupBy(grouping: 'none' | 'day' | 'generation'): Promise<void> {
    const names = { none: 'No grouping', day: 'By day', generation: 'By generation' } as const;
    await this.arrange(names[grouping]);
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

  // The inspector

  /** Selects a cell; the inspector beside the grid shows it. */
  async inspect(index: number): Promise<void> {
    await this.clickCell(index);
    await expect(this.details).toBeVisible();
  }

  /** The prompt paragraph of the inspector. */
  detailsPrompt(): Locator {
    return this.details.getByRole('region', { name: 'Prompt' }).getByRole('paragraph');
  }

  detailsRegion(name: InspectorSection): Locator {
    return this.details.getByRole('region', { name });
  }

  detailsButton(name: string | RegExp): Locator {
    return this.details.getByRole('button', typeof name === 'string' ? { name, exact: true } : { name });
  }

  /** An action of the inspector that is not a button of its own, from its "More actions" menu. */
  async detailsMenuAction(name: string): Promise<void> {
    await this.detailsButton('More actions').click();
    await this.menuItem(name).click();
  }

  detailsImage(name: string): Locator {
    return this.details.getByRole('img', { name });
  }

  /** The first place the inspector shows exactly this text. */
  detailsText(text: string): Locator {
    return this.details.getByText(text, { exact: true }).first();
  }

  /** "3 of 42": where the inspected image is in the grid. */
  detailsPosition(): Locator {
    return this.details.getByText(/^[\d,]+ of [\d,]+$/);
  }

  /** The request the image was made with, unfolded. */
  async request(): Promise<Locator> {
    const request = this.details.getByRole('group', { name: 'Request' });
    await request.getByText('Request', { exact: true }).click();
    return request;
  }

  detailsLinks(section: 'Made from' | 'Used in'): Locator {
    return this.detailsRegion(section).getByRole('button');
  }

  detailsLink(section: 'Made from' | 'Used in', index: number): Locator {
    return this.detailsLinks(section).nth(index);
  }

  /** The first link in a section to an image with this prompt. */
  detailsLinkTo(section: 'Made from' | 'Used in', prompt: string): Locator {
    return this.detailsLinks(section)
      .filter({ has: this.page.getByRole('img', { name: prompt }) })
      .first();
  }
}
