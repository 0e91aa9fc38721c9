import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/use-app-store';
import { EmptyState } from '../../components/EmptyState';
import { activeFilterCount, clearNarrowingFilters } from './library-query';
import { useImportPicker } from './LibraryToolbar';

/** Nothing to show, with what to do about it: make or import images, or widen the search. */
export function NoResults() {
  const { t } = useTranslation('library');
  const { t: tc } = useTranslation();
  const query = useAppStore((s) => s.libraryQuery);
  const setText = useAppStore((s) => s.setLibraryText);
  const setFilters = useAppStore((s) => s.setLibraryFilters);
  const navigate = useAppStore((s) => s.navigate);
  const picker = useImportPicker();
  if (query.filters.trashed) {
    return (
      <EmptyState title={t('empty.trash')}>
        <p>{t('empty.trashBody')}</p>
      </EmptyState>
    );
  }
  const narrowed = query.text.trim() !== '' || activeFilterCount(query.filters) > 0;
  if (!narrowed && query.filters.collectionId !== null) {
    return (
      <EmptyState title={t('empty.collection')}>
        <p>{t('empty.collectionBody')}</p>
      </EmptyState>
    );
  }
  if (!narrowed) {
    return (
      <EmptyState title={tc('views.library.emptyTitle')}>
        <p>{tc('views.library.emptyBody')}</p>
        <div className="empty-state__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              navigate('generate');
            }}
          >
            {t('empty.generate')}
          </button>
          <button type="button" className="button" onClick={picker.open}>
            {t('empty.import')}
          </button>
          {picker.input}
        </div>
      </EmptyState>
    );
  }
  return (
    <EmptyState title={t('empty.noMatch')}>
      <button
        type="button"
        className="button"
        onClick={() => {
          setText('');
          setFilters(clearNarrowingFilters(query.filters));
        }}
      >
        {t('empty.clear')}
      </button>
    </EmptyState>
  );
}

export function LoadError() {
  const { t } = useTranslation('library');
  const error = useAppStore((s) => s.libraryError);
  const reload = useAppStore((s) => s.reloadLibrary);
  if (!error) return null;
  return (
    <div className="notice notice--error library-error" role="alert">
      {error.message}{' '}
      <button type="button" className="button button--small" onClick={() => void reload()}>
        {t('error.retry')}
      </button>
    </div>
  );
}
