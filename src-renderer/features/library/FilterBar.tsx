import * as Popover from '@radix-ui/react-popover';
import { useTranslation } from 'react-i18next';
import { findModel } from '../../../src-preload/contract/models';
import { useAppStore } from '../../app/use-app-store';
import { DateField } from '../../components/DateField';
import { Icon } from '../../components/Icon';
import { activeFilterCount, clearNarrowingFilters, sizeBuckets } from './library-query';

/** Model, dates, favorites, tag, references and size: each narrows the list at once, with the search text. */
function FilterPanel() {
  const { t } = useTranslation('library');
  const filters = useAppStore((s) => s.libraryQuery.filters);
  const setFilters = useAppStore((s) => s.setLibraryFilters);
  const models = useAppStore((s) => s.libraryModels);
  const tags = useAppStore((s) => s.libraryTags);
  const active = activeFilterCount(filters);

  return (
    <div className="filter-panel" role="group" aria-label={t('filters.label')}>
      <label className="filter-panel__row">
        <span>{t('filters.model')}</span>
        <select
          className="input"
          aria-label={t('filters.model')}
          value={filters.model ?? ''}
          onChange={(event) => {
            setFilters({ model: event.target.value === '' ? null : event.target.value });
          }}
        >
          <option value="">{t('filters.anyModel')}</option>
          {models.map((model) => (
            <option key={model} value={model}>
              {findModel(model)?.label ?? model}
            </option>
          ))}
        </select>
      </label>
      <div className="filter-panel__row filter-panel__dates">
        <DateField
          label={t('filters.from')}
          value={filters.from}
          max={filters.to || undefined}
          onChange={(from) => {
            setFilters({ from });
          }}
        />
        <DateField
          label={t('filters.to')}
          value={filters.to}
          min={filters.from || undefined}
          onChange={(to) => {
            setFilters({ to });
          }}
        />
      </div>
      <label className="filter-panel__row">
        <span>{t('filters.tag')}</span>
        <select
          className="input"
          aria-label={t('filters.tag')}
          value={filters.tagId ?? ''}
          onChange={(event) => {
            setFilters({ tagId: event.target.value === '' ? null : Number(event.target.value) });
          }}
        >
          <option value="">{t('filters.anyTag')}</option>
          {tags.map((tag) => (
            <option key={tag.id} value={tag.id}>
              {tag.name}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-panel__row">
        <span>{t('filters.size')}</span>
        <select
          className="input"
          aria-label={t('filters.size')}
          value={filters.size}
          onChange={(event) => {
            const size = sizeBuckets.find((bucket) => bucket === event.target.value);
            if (size) setFilters({ size });
          }}
        >
          {sizeBuckets.map((bucket) => (
            <option key={bucket} value={bucket}>
              {t(`filters.sizes.${bucket}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={filters.favorite}
          onChange={(event) => {
            setFilters({ favorite: event.target.checked });
          }}
        />
        {t('filters.favorites')}
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={filters.hasReferences}
          onChange={(event) => {
            setFilters({ hasReferences: event.target.checked });
          }}
        />
        {t('filters.hasReferences')}
      </label>
      <button
        type="button"
        className="button filter-panel__clear"
        disabled={active === 0}
        onClick={() => {
          setFilters(clearNarrowingFilters(filters));
        }}
      >
        {active === 0 ? t('filters.none') : t('filters.clear', { count: active })}
      </button>
    </div>
  );
}

/**
 * The "Filters" toggle: the filters open over the grid in a popover, so showing them never moves the grid; the
 * button says how many are on.
 */
export function FiltersButton() {
  const { t } = useTranslation('library');
  const active = useAppStore((s) => activeFilterCount(s.libraryQuery.filters));
  return (
    <Popover.Root>
      <Popover.Trigger className={active > 0 ? 'button button--active' : 'button'} title={t('filters.hint')}>
        <Icon name="filter" />
        {t('filters.label')}
        {active > 0 && (
          <span className="badge" aria-label={t('filters.active', { count: active })}>
            {active}
          </span>
        )}
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="popover" align="end" sideOffset={4}>
          <FilterPanel />
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
