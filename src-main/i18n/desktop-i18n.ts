import i18next from 'i18next';
// Main reads the renderer's translation files for its own namespace (one set of strings, one locale test);
// ESLint allows src-main exactly these JSON files from the renderer's tree and nothing else.
import en from '../../src-renderer/i18n/locales/en/desktop.json' with { type: 'json' };
import zhCN from '../../src-renderer/i18n/locales/zh-CN/desktop.json' with { type: 'json' };

export type DesktopLanguage = 'en' | 'zh-CN';
export type LanguageChoice = 'system' | DesktopLanguage;

/** Dotted keys of the `desktop` namespace, e.g. `menu.openLogs`. */
type KeysOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : KeysOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type DesktopKey = KeysOf<typeof en>;

export type Translate = (key: DesktopKey, values?: Record<string, string | number>) => string;

/** As the renderer decides: any Chinese OS locale gets Simplified Chinese, everything else English. */
export function desktopLanguage(choice: LanguageChoice, systemLocale: string): DesktopLanguage {
  if (choice !== 'system') return choice;
  return systemLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * Translates main's strings in the language the user chose, asked at every call so a change in Settings
 * applies to the next notification or dialog. Its own i18next instance: nothing global is touched.
 */
export function createDesktopTranslator(language: () => DesktopLanguage): Translate {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { en: { desktop: en }, 'zh-CN': { desktop: zhCN } },
    lng: 'en',
    fallbackLng: 'en',
    ns: ['desktop'],
    defaultNS: 'desktop',
    initAsync: false,
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return (key, values) => instance.t(key, { ...values, lng: language() });
}
