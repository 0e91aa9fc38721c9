import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { EditView } from '../features/edit/EditView';
import { GenerateView } from '../features/generate/GenerateView';
import { LibraryView } from '../features/library/LibraryView';
import { SettingsView } from '../features/settings/SettingsView';
import { Toasts } from './Toasts';
import { useAppStore } from './use-app-store';
import { useGlobalShortcuts } from './use-global-shortcuts';
import { views, type View } from './navigation-slice';

const viewComponents: Record<View, () => React.JSX.Element> = {
  generate: GenerateView,
  library: LibraryView,
  edit: EditView,
  settings: SettingsView,
};

export function App() {
  const { t } = useTranslation();
  const view = useAppStore((s) => s.view);
  const navigate = useAppStore((s) => s.navigate);
  const watchEdit = useAppStore((s) => s.watchEdit);
  useGlobalShortcuts();
  // Edits finish and the OS opens images whichever view is shown.
  useEffect(() => watchEdit(), [watchEdit]);

  useEffect(() => {
    window.history.replaceState(null, '', `#/${view}`);
  }, [view]);

  const Current = viewComponents[view];
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
                title={`${t(`nav.${name}`)} (${t(`shortcut.${name}`)})`}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(name);
                }}
              >
                <span className={`app-nav__icon app-nav__icon--${name}`} aria-hidden="true" />
                <span className="app-nav__label">{t(`nav.${name}`)}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="app-main">
        <Current />
      </main>
      <Toasts />
    </div>
  );
}
