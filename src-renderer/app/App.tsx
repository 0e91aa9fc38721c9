import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { EditView } from '../features/edit/EditView';
import { needsFirstRun } from '../features/first-run/first-run-slice';
import { FirstRunView } from '../features/first-run/FirstRunView';
import { GenerateView } from '../features/generate/GenerateView';
import { LibraryView } from '../features/library/LibraryView';
import { SettingsView } from '../features/settings/SettingsView';
import { UsageView } from '../features/usage/UsageView';
import { useLiveLanguage } from '../i18n/use-live-language';
import { Icon, type IconName } from '../components/Icon';
import { ShortcutsDialog } from '../shortcuts/ShortcutsDialog';
import { shortcutLabel, type ShortcutId } from '../shortcuts/shortcut-table';
import { useIsMac } from '../shortcuts/use-is-mac';
import { Toasts } from './Toasts';
import { useAppStore } from './use-app-store';
import { useGlobalShortcuts } from './use-global-shortcuts';
import { views, type View } from './navigation-slice';

const viewComponents: Record<View, () => React.JSX.Element> = {
  generate: GenerateView,
  library: LibraryView,
  edit: EditView,
  usage: UsageView,
  settings: SettingsView,
};

const navIcons: Record<View, IconName> = {
  generate: 'generate',
  library: 'photos',
  edit: 'edit',
  usage: 'usage',
  settings: 'settings',
};

const viewShortcuts: Record<View, ShortcutId> = {
  generate: 'app.generate',
  library: 'app.library',
  edit: 'app.edit',
  usage: 'app.usage',
  settings: 'app.settings',
};

export function App() {
  const { t } = useTranslation();
  const mac = useIsMac();
  const setShortcutsOpen = useAppStore((s) => s.setShortcutsOpen);
  const view = useAppStore((s) => s.view);
  const navigate = useAppStore((s) => s.navigate);
  const loadSettings = useAppStore((s) => s.loadSettings);
  const watchSettings = useAppStore((s) => s.watchSettings);
  const watchEdit = useAppStore((s) => s.watchEdit);
  useGlobalShortcuts();
  useLiveLanguage(navigator.language);

  useEffect(() => watchSettings(), [watchSettings]);
  // Edits finish and the OS opens images whichever view is shown.
  useEffect(() => watchEdit(), [watchEdit]);
  useEffect(() => {
    // The language, the gateway and whether it has a key shape every view, so they load once at the start.
    void loadSettings();
  }, [loadSettings]);
  const loadLibraryOnce = useAppStore((s) => s.loadLibraryOnce);
  // After the first view is up: the Library then opens with its first page already read.
  useEffect(() => {
    loadLibraryOnce();
  }, [loadLibraryOnce]);

  useEffect(() => {
    window.history.replaceState(null, '', `#/${view}`);
  }, [view]);

  const firstRun = useAppStore((s) => s.view === 'generate' && needsFirstRun(s));
  const Current = firstRun ? FirstRunView : viewComponents[view];
  return (
    <div className="app-frame">
      <nav className="app-nav" aria-label={t('nav.label')}>
        <div className="app-nav__brand" aria-hidden="true">
          S
        </div>
        <ul>
          {views.map((name) => (
            <li key={name}>
              <a
                href={`#/${name}`}
                className="app-nav__link"
                aria-current={view === name ? 'page' : undefined}
                title={`${t(`nav.${name}`)} (${shortcutLabel(viewShortcuts[name], mac)})`}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(name);
                }}
              >
                <Icon name={navIcons[name]} size={20} />
                <span className="app-nav__label">{t(`nav.${name}`)}</span>
              </a>
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="app-nav__shortcuts"
          aria-label={t('shortcuts.title')}
          title={`${t('shortcuts.title')} (?)`}
          onClick={() => {
            setShortcutsOpen(true);
          }}
        >
          ?
        </button>
      </nav>
      <main className="app-main">
        <Current />
      </main>
      <Toasts />
      <ShortcutsDialog />
    </div>
  );
}
