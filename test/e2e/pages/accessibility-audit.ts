import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export type Theme = 'light' | 'dark';
export type Language = 'en' | 'zh-CN';

/** One rule broken on one screen, in a form a failing test can print. */
export interface Finding {
  where: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Impacts that fail the sweep; "minor" and "moderate" findings are left to judgement. */
const failing = new Set(['serious', 'critical']);

interface SettingsBridge {
  seedream: { settings: { update(patch: { language: Language }): Promise<unknown> } };
}

/** What the audit uses of the page's window; the spec project has no DOM types. */
interface MediaBridge {
  matchMedia(query: string): { matches: boolean };
  document: { body: { insertAdjacentHTML(position: 'beforeend', html: string): void } };
}

/**
 * Runs axe-core over the window as it is, under a chosen theme and language. The theme is the OS preference
 * the app follows (`prefers-color-scheme`); the language is changed through main, as Settings or another window
 * would, so whatever the view has open (a dialog, a pop-up list) stays open while the words change.
 */
export class AccessibilityAudit {
  constructor(private readonly page: Page) {}

  async useTheme(theme: Theme): Promise<void> {
    await this.page.emulateMedia({ colorScheme: theme });
    // The page must see the theme before anything is measured, or both themes would audit the same colours.
    const dark = await this.page.evaluate(
      () => (globalThis as unknown as MediaBridge).matchMedia('(prefers-color-scheme: dark)').matches,
    );
    if (dark !== (theme === 'dark')) throw new Error(`The page did not take the ${theme} theme.`);
  }

  /** Adds markup to the page, to show that the audit finds what it should. */
  async plant(html: string): Promise<void> {
    await this.page.evaluate((markup) => {
      (globalThis as unknown as MediaBridge).document.body.insertAdjacentHTML('beforeend', markup);
    }, html);
  }

  async useLanguage(language: Language): Promise<void> {
    await this.page.evaluate(async (chosen) => {
      await (globalThis as unknown as SettingsBridge).seedream.settings.update({ language: chosen });
    }, language);
    await this.page.locator(`html[lang="${language}"]`).waitFor();
  }

  /** The serious and critical findings on the page now, leaving out rules a caller has a reason to skip. */
  async findings(where: string, skipped: readonly string[] = []): Promise<Finding[]> {
    const builder = new AxeBuilder({ page: this.page });
    if (skipped.length > 0) builder.disableRules([...skipped]);
    const results = await builder.analyze();
    return results.violations
      .filter((violation) => failing.has(violation.impact ?? ''))
      .map((violation) => ({
        where,
        rule: violation.id,
        impact: violation.impact ?? '',
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      }));
  }
}
