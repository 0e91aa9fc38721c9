import { expect, type Locator, type Page } from '@playwright/test';

/** The welcome screen that stands in for Generate while the gateway has no key. */
export class FirstRunPage {
  readonly heading: Locator;
  readonly keyField: Locator;
  readonly verify: Locator;
  readonly saveAnyway: Locator;
  readonly notNow: Locator;
  readonly getKey: Locator;
  readonly problem: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Welcome to Seedream Studio' });
    // A password field has no textbox role, only its label.
    this.keyField = page.getByLabel('API key');
    this.verify = page.getByRole('button', { name: 'Verify and save' });
    this.saveAnyway = page.getByRole('button', { name: 'Save without checking' });
    this.notNow = page.getByRole('button', { name: 'Not now: browse the library' });
    this.getKey = page.getByRole('link', { name: 'Get a CometAPI key' });
    this.problem = page.getByRole('alert');
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }

  async verifyKey(key: string): Promise<void> {
    await this.keyField.fill(key);
    await this.verify.click();
  }
}
