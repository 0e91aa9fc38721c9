import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/use-app-store';
import { resolveLanguage } from './index';

/**
 * Follows the language in Settings while the app runs: every component that translates re-renders in the new
 * language at once, and the page's `lang` follows (screen readers pick their voice from it).
 */
export function useLiveLanguage(systemLanguage: string): void {
  const { i18n } = useTranslation();
  const choice = useAppStore((s) => s.settings?.language);
  useEffect(() => {
    if (choice === undefined) return;
    const language = resolveLanguage(choice, systemLanguage);
    document.documentElement.lang = language;
    if (i18n.language !== language) void i18n.changeLanguage(language);
  }, [choice, i18n, systemLanguage]);
}
