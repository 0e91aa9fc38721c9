import * as Popover from '@radix-ui/react-popover';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { findModel } from '../../../src-preload/contract/models';
import { useAppStore } from '../../app/use-app-store';
import { DateField } from '../../components/DateField';
import { Icon } from '../../components/Icon';
import { Select } from '../../components/Select';
import { activeFilterCount, clearNarrowingFilters, sizeBuckets } from './library-query';

/** Radix Select takes no empty value, so "any model" and "any tag" are this option's value. */
const anyValue = '*';

/** Model, dates, favorites, tag, references and size: each narrows the list at once, with the search text. */
function FilterPanel() {
  const { t } = useTranslation('library');
  const filters = useAppStore((s) => s.libraryQuery.filters);
  const setFilters = useAppStore((s) => s.setLibraryFilters);
  const models = useAppStore((s) => s.libraryModels);
  const tags = useAppStore((s) => s.libraryTags);
  const active = activeFilterCount(filters);
  const modelId = useId();
  const tagFieldId = useId();
  const sizeId = useId();

  return (
    <div className="filter-panel" role="group" aria-label={t('filters.label')}>
      <div className="filter-panel__row">
        <label htmlFor={modelId}>{t('filters.model')}</label>
        <Select
          id={modelId}
          value={filters.model ?? anyValue}
          options={[
            { value: anyValue, label: t('filters.anyModel') },
            ...models.map((model) => ({ value: model, label: findModel(model)?.label ?? model })),
          ]}
          onChange={(model) => {
            setFilters({ model: model === anyValue ? null : model });
          }}
        />
      </div>
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
      <div className="filter-panel__row">
        <label htmlFor={tagFieldId}>{t('filters.tag')}</label>
        <Select
          id={tagFieldId}
          value={filters.tagId === null ? anyValue : String(filters.tagId)}
          options={[
            { value: anyValue, label: t('filters.anyTag') },
            ...tags.map((tag) => ({ value: String(tag.id), label: tag.name })),
          ]}
          onChange={(tagId) => {
            setFilters({ tagId: tagId === anyValue ? null : Number(tagId) });
          }}
        />
      </div>
      <div className="filter-panel__row">
        <label htmlFor={sizeId}>{t('filters.size')}</label>
        <Select
          id={sizeId}
          value={filters.size}
          options={sizeBuckets.map((bucket) => ({ value: bucket, label: t(`filters.sizes.${bucket}`) }))}
          onChange={(size) => {
            setFilters({ size });
          }}
        />
      </div>
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
