import { expect, type Locator, type Page } from '@playwright/test';

/**
 * What sits around Generate's prompt box: "Prompt history" (and Ctrl+Up/Down in the box), the "Prompt library"
 * of saved prompts, and the "Variables" a template asks for. A page object of its own so Generate's stays one
 * file's worth; every locator goes by role and accessible name.
 */
export class PromptTools {
  readonly prompt: Locator;
  readonly history: Locator;
  readonly historySearch: Locator;
  readonly library: Locator;
  readonly variables: Locator;
  /** How many prompts the template makes, or why it cannot be sent ("Makes 2 prompts"). */
  readonly templateStatus: Locator;

  constructor(readonly page: Page) {
    this.prompt = page.getByRole('textbox', { name: 'Prompt', exact: true });
    this.history = page.getByRole('dialog', { name: 'Prompt history' });
    this.historySearch = this.history.getByRole('searchbox', { name: 'Search prompts' });
    this.library = page.getByRole('dialog', { name: 'Prompt library' });
    this.variables = page.getByRole('group', { name: 'Variables' });
    this.templateStatus = this.variables.getByRole('status');
  }

  /** Ctrl+Up (back, to older prompts) or Ctrl+Down (forward) with the focus in the prompt box. */
  async walkHistory(direction: 'back' | 'forward'): Promise<void> {
    await this.prompt.focus();
    await this.page.keyboard.press(direction === 'back' ? 'Control+ArrowUp' : 'Control+ArrowDown');
  }

  async openHistory(): Promise<void> {
    await this.page.getByRole('button', { name: 'Prompt history', exact: true }).click();
    await expect(this.history).toBeVisible();
  }

  /** The prompts the history lists, newest first: each is a button that puts it back in the box. */
  historyEntries(): Locator {
    return this.history.getByRole('listitem').getByRole('button');
  }

  async searchHistory(text: string): Promise<void> {
    await this.historySearch.fill(text);
  }

  async openLibrary(): Promise<void> {
    await this.page.getByRole('button', { name: 'Prompt library', exact: true }).click();
    await expect(this.library).toBeVisible();
  }

  async closeLibrary(): Promise<void> {
    await this.library.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(this.library).toBeHidden();
  }

  /** The saved prompts the open library lists (those its filter lets through). */
  savedPrompts(): Locator {
    return this.library.getByRole('list', { name: 'Prompt library' }).getByRole('listitem');
  }

  /** The saved prompt named `name` in the open library. */
  savedPrompt(name: string): Locator {
    return this.library
      .getByRole('list', { name: 'Prompt library' })
      .getByRole('listitem', { name, exact: true });
  }

  /** Saves what the prompt box holds under `name` with `tags`, as the library's form does. */
  async savePrompt(name: string, tags: readonly string[]): Promise<void> {
    await this.library.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await this.library.getByRole('textbox', { name: 'Tags (comma separated)' }).fill(tags.join(', '));
    await this.library.getByRole('button', { name: 'Save current prompt' }).click();
    await expect(this.savedPrompt(name)).toBeVisible();
  }

  async filterLibrary(text: string): Promise<void> {
    await this.library.getByRole('searchbox', { name: 'Filter by name or tag' }).fill(text);
  }

  /** "Use": the saved prompt goes into the prompt box and the library closes. */
  async usePrompt(name: string): Promise<void> {
    await this.savedPrompt(name).getByRole('button', { name: 'Use', exact: true }).click();
    await expect(this.library).toBeHidden();
  }

  /** The field for a template's `{name}`. */
  variable(name: string): Locator {
    return this.variables.getByRole('textbox', { name, exact: true });
  }
}
