import { expect, type Locator, type Page } from '@playwright/test';

export type ViewName = 'Generate' | 'Library' | 'Edit' | 'Usage' | 'Settings';

/** The window around the views: the main navigation, the view headings and the global shortcuts. */
export class AppFrame {
  readonly nav: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' });
  }

  link(view: ViewName): Locator {
    return this.nav.getByRole('link', { name: view });
  }

  /** The view's title, the page's one level-1 heading. */
  heading(view: ViewName): Locator {
    return this.page.getByRole('heading', { level: 1, name: view });
  }

  /** The dialog `?` opens. */
  get shortcuts(): Locator {
    return this.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }

  /** One line of the shortcuts dialog, by what it does. */
  shortcut(description: string): Locator {
    return this.shortcuts.getByRole('term').filter({ hasText: description });
  }

  async go(view: ViewName): Promise<void> {
    await this.link(view).click();
  }

  async expectView(view: ViewName): Promise<void> {
    await expect(this.heading(view)).toBeVisible();
  }

  /** Presses keys wherever the focus is, as the user would (`Control+2`, `Escape`, `ArrowRight`). */
  async press(keys: string): Promise<void> {
    await this.page.keyboard.press(keys);
  }

  async reload(): Promise<void> {
    await this.page.reload();
  }

  /** The top-level names of what the preload exposes to the page. */
  bridgeDomains(): Promise<string[]> {
    return this.page.evaluate(() =>
      Object.keys((globalThis as unknown as { seedream: object }).seedream).sort(),
    );
  }

  /** Whether the page can reach Node's `require` (it must not). */
  hasRequire(): Promise<boolean> {
    return this.page.evaluate(() => typeof (globalThis as { require?: unknown }).require !== 'undefined');
  }

  /** Every URL the page asks for from now on. */
  recordRequests(): string[] {
    const urls: string[] = [];
    this.page.on('request', (request) => urls.push(request.url()));
    return urls;
  }

  origin(): string {
    return new URL(this.page.url()).origin;
  }

  /** Each element is shown whole inside the window: not cut off by its edges. */
  async expectInWindow(elements: Locator[]): Promise<void> {
    const size = this.page.viewportSize();
    if (!size) throw new Error('The page has no viewport size.');
    for (const element of elements) {
      await expect(element).toBeVisible();
      const box = await element.boundingBox();
      if (!box) throw new Error('A visible element has a box.');
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      expect(box.y + box.height).toBeLessThanOrEqual(size.height);
    }
  }

  /** A picture of the whole window, for the README. */
  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }
}
