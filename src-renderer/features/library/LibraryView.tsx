import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ViewHeader } from '../../components/ViewHeader';

export function LibraryView() {
  const { t } = useTranslation();
  return (
    <section className="view" aria-labelledby="view-title">
      <ViewHeader title={t('views.library.title')} />
      <div className="view__body">
        <EmptyState title={t('views.library.emptyTitle')}>
          <p>{t('views.library.emptyBody')}</p>
        </EmptyState>
      </div>
    </section>
  );
}
