import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enCommon from './locales/en/common.json';
import zhCommon from './locales/zh-CN/common.json';
import enSettings from './locales/en/settings.json';
import zhSettings from './locales/zh-CN/settings.json';
import enGenerate from './locales/en/generate.json';
import zhGenerate from './locales/zh-CN/generate.json';
import enLibrary from './locales/en/library.json';
import zhLibrary from './locales/zh-CN/library.json';
import enEdit from './locales/en/edit.json';
import zhEdit from './locales/zh-CN/edit.json';
import enUsage from './locales/en/usage.json';
import zhUsage from './locales/zh-CN/usage.json';
import enDesktop from './locales/en/desktop.json';
import enVolume from './locales/en/volume.json';
import zhVolume from './locales/zh-CN/volume.json';
import zhDesktop from './locales/zh-CN/desktop.json';
import enViewer from './locales/en/viewer.json';
import zhViewer from './locales/zh-CN/viewer.json';

export const supportedLanguages = ['en', 'zh-CN'] as const;
export type Language = (typeof supportedLanguages)[number];

/** `desktop` holds what main shows (notifications, dialogs, menus); main loads those same files. */
export const resources = {
  en: {
    common: enCommon,
    settings: enSettings,
    generate: enGenerate,
    library: enLibrary,
    edit: enEdit,
    usage: enUsage,
    desktop: enDesktop,
    viewer: enViewer,
    volume: enVolume,
  },
  'zh-CN': {
    common: zhCommon,
    settings: zhSettings,
    generate: zhGenerate,
    library: zhLibrary,
    edit: zhEdit,
    usage: zhUsage,
    desktop: zhDesktop,
    viewer: zhViewer,
    volume: zhVolume,
  },
} as const;

/** "system" follows the OS language; any Chinese locale gets Simplified Chinese, everything else English. */
export function resolveLanguage(choice: 'system' | Language, systemLanguage: string): Language {
  if (choice !== 'system') return choice;
  return systemLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export async function initI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    // i18next prints an advertisement on every start otherwise.
    showSupportNotice: false,
  });
}

export { i18next };
