import type { Page } from '@playwright/test';

/** The Settings view as a user sees it: controls found by role and accessible name. */
export class SettingsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  }

  get keyField() {
    return this.page.getByRole('textbox', { name: 'API key' });
  }

  get baseUrlField() {
    return this.page.getByRole('textbox', { name: 'API base URL' });
  }

  get proxyField() {
    return this.page.getByRole('textbox', { name: 'Proxy address' });
  }

  proxyChoice(name: "Use the system's proxy settings" | 'Use this proxy') {
    return this.page.getByRole('radio', { name });
  }

  button(
    name:
      'Save key' | 'Remove key' | 'Test connection' | 'Save address' | 'Use for this session' | 'Save proxy',
  ) {
    return this.page.getByRole('button', { name });
  }

  status(text: string | RegExp) {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  /** The newest status line that says `text`. */
  latestStatus(text: string | RegExp) {
    return this.status(text).last();
  }

  /** A note of the view that says `text`, such as where a key may be sent. */
  note(text: string) {
    return this.page.getByRole('note').filter({ hasText: text });
  }

  /** What the view shows when main refused a change. */
  get alert() {
    return this.page.getByRole('alert');
  }

  /** Everything in the page, to check what never reaches it. */
  pageText(): Promise<string> {
    return this.page.content();
  }

  /** Picks the app's language by the name it is listed under in every language. */
  /** Opens the language's pop-up list and waits for it. */
  async languageList(): Promise<void> {
    await this.page.getByRole('combobox', { name: /Language|语言/ }).click();
    await this.page.getByRole('listbox').waitFor();
  }

  async chooseLanguage(name: 'English' | '简体中文' | RegExp): Promise<void> {
    await this.languageList();
    await this.page.getByRole('option', { name }).click();
  }

  /** The gateway profile picker; it shows the chosen profile's name. */
  get gatewayProfile() {
    return this.page.getByRole('combobox', { name: 'Gateway', exact: true });
  }

  /** Picks a gateway profile from its pop-up list, as a person does: open it, click the profile. */
  async chooseGatewayProfile(
    name: 'CometAPI' | 'BytePlus ModelArk' | 'Volcengine Ark' | 'Custom (OpenAI-compatible)',
  ): Promise<void> {
    await this.gatewayProfile.click();
    const list = this.page.getByRole('listbox');
    await list.waitFor();
    await list.getByRole('option', { name, exact: true }).click();
    await list.waitFor({ state: 'hidden' });
  }

  /** The line under the budgets that names the currency the chosen gateway bills in. */
  get budgetCurrency() {
    return this.page.getByText(/^In [A-Z]{3}, the currency .* bills in\.$/);
  }

  budgetField(name: 'Daily budget' | 'Monthly budget') {
    return this.page.getByRole('textbox', { name });
  }

  /** Sets the budgets as a user types them ('' for none) and saves them. */
  async setBudgets(budgets: { daily?: string; monthly?: string }): Promise<void> {
    if (budgets.daily !== undefined) await this.budgetField('Daily budget').fill(budgets.daily);
    if (budgets.monthly !== undefined) await this.budgetField('Monthly budget').fill(budgets.monthly);
    await this.page.getByRole('button', { name: 'Save budgets' }).click();
    await this.page.getByRole('status').filter({ hasText: 'Budgets saved.' }).waitFor();
  }

  async saveKey(key: string): Promise<void> {
    await this.keyField.fill(key);
    await this.button('Save key').click();
  }
}
