import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/use-app-store';
import { activeFilterCount, clearNarrowingFilters, sizeBuckets } from './library-query';

/** Model, dates, favorites, tag, references and size: each narrows the list at once, with the search text. */
export function FilterBar() {
  const { t } = useTranslation('library');
  const filters = useAppStore((s) => s.libraryQuery.filters);
  const setFilters = useAppStore((s) => s.setLibraryFilters);
  const models = useAppStore((s) => s.libraryModels);
  const tags = useAppStore((s) => s.libraryTags);
  const id = useId();
  const active = activeFilterCount(filters);

  return (
    <div className="filter-bar" role="group" aria-label={t('filters.label')}>
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
            {model}
          </option>
        ))}
      </select>
      <label className="filter-bar__date" htmlFor={`${id}-from`}>
        {t('filters.from')}
        <input
          id={`${id}-from`}
          type="date"
          className="input"
          value={filters.from}
          max={filters.to || undefined}
          onChange={(event) => {
            setFilters({ from: event.target.value });
          }}
        />
      </label>
      <label className="filter-bar__date" htmlFor={`${id}-to`}>
        {t('filters.to')}
        <input
          id={`${id}-to`}
          type="date"
          className="input"
          value={filters.to}
          min={filters.from || undefined}
          onChange={(event) => {
            setFilters({ to: event.target.value });
          }}
        />
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
      {active > 0 && (
        <button
          type="button"
          className="button"
          onClick={() => {
            setFilters(clearNarrowingFilters(filters));
          }}
        >
          {t('filters.clear', { count: active })}
        </button>
      )}
    </div>
  );
}
