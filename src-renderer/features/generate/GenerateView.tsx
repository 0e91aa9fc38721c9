import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ViewHeader } from '../../components/ViewHeader';

export function GenerateView() {
  const { t } = useTranslation();
  return (
    <section className="view" aria-labelledby="view-title">
      <ViewHeader title={t('views.generate.title')} />
      <div className="view__body">
        <EmptyState title={t('views.generate.emptyTitle')}>
          <p>{t('views.generate.emptyBody')}</p>
        </EmptyState>
      </div>
    </section>
  );
}
