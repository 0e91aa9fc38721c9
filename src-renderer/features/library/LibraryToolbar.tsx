import { useRef } from 'react';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/use-app-store';
import { groupings } from './arrangement';
import { maxThumbSize, minThumbSize } from './grid-model';
import { sortOrders } from './library-query';
import { readImageFiles } from '../../dom/read-files';

function ResultCount() {
  const { t } = useTranslation('library');
  const total = useAppStore((s) => s.libraryTotal);
  const loading = useAppStore((s) => s.libraryLoading);
  return (
    <span className="library-count" role="status" aria-label={t('count.label')} aria-busy={loading}>
      {total === null ? t('count.loading') : t('count.images', { count: total })}
    </span>
  );
}

function SearchBox({ inputRef }: { inputRef: React.RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation('library');
  const text = useAppStore((s) => s.libraryQuery.text);
  const setText = useAppStore((s) => s.setLibraryText);
  return (
    <input
      ref={inputRef}
      type="search"
      className="input library-search"
      aria-label={t('search.label')}
      placeholder={t('search.placeholder')}
      value={text}
      spellCheck={false}
      onChange={(event) => {
        setText(event.target.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && text !== '') {
          event.preventDefault();
          setText('');
        }
      }}
    />
  );
}

function MoreMenu() {
  const { t } = useTranslation('library');
  const check = useAppStore((s) => s.checkLibrary);
  const selectAll = useAppStore((s) => s.selectAllLibrary);
  const importFiles = useAppStore((s) => s.importLibraryFiles);
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger className="button" aria-label={t('toolbar.more')}>
          ⋯
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
            <DropdownMenu.Item className="menu__item" onSelect={() => fileInput.current?.click()}>
              {t('toolbar.import')}
            </DropdownMenu.Item>
            <DropdownMenu.Item className="menu__item" onSelect={() => void selectAll()}>
              {t('toolbar.selectAll')}
            </DropdownMenu.Item>
            <DropdownMenu.Separator className="menu__separator" />
            <DropdownMenu.Item className="menu__item" onSelect={() => void check()}>
              {t('toolbar.check')}
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <input
        ref={fileInput}
        type="file"
        accept="image/*"
        multiple
        hidden
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) void readImageFiles(files).then(importFiles);
        }}
      />
    </>
  );
}

export function LibraryToolbar({ searchRef }: { searchRef: React.RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation('library');
  const sort = useAppStore((s) => s.libraryQuery.sort);
  const setSort = useAppStore((s) => s.setLibrarySort);
  const grouping = useAppStore((s) => s.libraryGrouping);
  const setGrouping = useAppStore((s) => s.setLibraryGrouping);
  const thumbSize = useAppStore((s) => s.libraryThumbSize);
  const setThumbSize = useAppStore((s) => s.setLibraryThumbSize);
  return (
    <div className="library-toolbar">
      <SearchBox inputRef={searchRef} />
      <ResultCount />
      <span className="library-toolbar__spacer" />
      <select
        className="input"
        aria-label={t('toolbar.sortLabel')}
        value={sort}
        onChange={(event) => {
          const order = sortOrders.find((name) => name === event.target.value);
          if (order) setSort(order);
        }}
      >
        {sortOrders.map((name) => (
          <option key={name} value={name}>
            {t(`toolbar.sort.${name}`)}
          </option>
        ))}
      </select>
      <select
        className="input"
        aria-label={t('toolbar.grouping')}
        value={grouping}
        onChange={(event) => {
          const chosen = groupings.find((name) => name === event.target.value);
          if (chosen) setGrouping(chosen);
        }}
      >
        {groupings.map((name) => (
          <option key={name} value={name}>
            {t(`toolbar.group.${name}`)}
          </option>
        ))}
      </select>
      <input
        type="range"
        className="library-size"
        aria-label={t('toolbar.thumbSize')}
        title={t('toolbar.thumbSizeHint')}
        min={minThumbSize}
        max={maxThumbSize}
        step={1}
        value={thumbSize}
        onChange={(event) => {
          setThumbSize(Number(event.target.value));
        }}
      />
      <MoreMenu />
    </div>
  );
}
