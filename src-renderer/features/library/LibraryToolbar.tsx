import { useRef } from 'react';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/use-app-store';
import { Icon } from '../../components/Icon';
import { IconButton } from '../../components/IconButton';
import { readImageFiles } from '../../dom/read-files';
import { groupings } from './arrangement';
import { BulkBar } from './BulkBar';
import { FiltersButton } from './FilterBar';
import { maxThumbSize, minThumbSize } from './grid-model';
import { sortOrders } from './library-query';

function ResultCount() {
  const { t } = useTranslation('library');
  const total = useAppStore((s) => s.libraryTotal);
  const atLeast = useAppStore((s) => s.libraryTotalIsLowerBound);
  const loading = useAppStore((s) => s.libraryLoading);
  return (
    <span className="library-count" role="status" aria-label={t('count.label')} aria-busy={loading}>
      {total === null
        ? t('count.loading')
        : atLeast
          ? t('count.atLeast', { count: total })
          : t('count.images', { count: total })}
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

/** Sort order and grouping, as a menu of choices. */
function ArrangeMenu() {
  const { t } = useTranslation('library');
  const sort = useAppStore((s) => s.libraryQuery.sort);
  const setSort = useAppStore((s) => s.setLibrarySort);
  const grouping = useAppStore((s) => s.libraryGrouping);
  const setGrouping = useAppStore((s) => s.setLibraryGrouping);
  return (
    <DropdownMenu.Root>
      {/* Its name says what it is and holds the order it shows ("Sort and group: Newest first"), so speech
          input can say what the eye reads. */}
      <DropdownMenu.Trigger className="button" title={t('toolbar.arrange')}>
        <Icon name="view" />
        <span className="visually-hidden">{t('toolbar.arrange')}: </span>
        {t(`toolbar.sort.${sort}`)}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
          <DropdownMenu.Label className="menu__label">{t('toolbar.sortLabel')}</DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={sort}
            onValueChange={(value) => {
              const order = sortOrders.find((name) => name === value);
              if (order) setSort(order);
            }}
          >
            {sortOrders.map((name) => (
              <DropdownMenu.RadioItem key={name} value={name} className="menu__item menu__item--radio">
                <DropdownMenu.ItemIndicator className="menu__indicator">
                  <Icon name="check" />
                </DropdownMenu.ItemIndicator>
                {t(`toolbar.sort.${name}`)}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className="menu__separator" />
          <DropdownMenu.Label className="menu__label">{t('toolbar.grouping')}</DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={grouping}
            onValueChange={(value) => {
              const chosen = groupings.find((name) => name === value);
              if (chosen) setGrouping(chosen);
            }}
          >
            {groupings.map((name) => (
              <DropdownMenu.RadioItem key={name} value={name} className="menu__item menu__item--radio">
                <DropdownMenu.ItemIndicator className="menu__indicator">
                  <Icon name="check" />
                </DropdownMenu.ItemIndicator>
                {t(`toolbar.group.${name}`)}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

function MoreMenu({ onImport }: { onImport: () => void }) {
  const { t } = useTranslation('library');
  const check = useAppStore((s) => s.checkLibrary);
  const selectAll = useAppStore((s) => s.selectAllLibrary);
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        <IconButton icon="more" label={t('toolbar.more')} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
          <DropdownMenu.Item className="menu__item" onSelect={onImport}>
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
  );
}

/** Picks image files with the system's dialog and imports them; `open` is handed to whatever offers Import. */
export function useImportPicker(): { open: () => void; input: React.JSX.Element } {
  const importFiles = useAppStore((s) => s.importLibraryFiles);
  const fileInput = useRef<HTMLInputElement>(null);
  return {
    open: () => fileInput.current?.click(),
    input: (
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
    ),
  };
}

/** Search, count, filters, arrangement, thumbnail size, the inspector; while images are selected, their actions. */
export function LibraryToolbar({ searchRef }: { searchRef: React.RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation('library');
  const thumbSize = useAppStore((s) => s.libraryThumbSize);
  const setThumbSize = useAppStore((s) => s.setLibraryThumbSize);
  const inspectorOpen = useAppStore((s) => s.libraryInspectorOpen);
  const toggleInspector = useAppStore((s) => s.toggleLibraryInspector);
  const selecting = useAppStore((s) => s.librarySelection.ids.size > 0);
  const picker = useImportPicker();
  return (
    <div className="library-toolbar">
      {picker.input}
      {selecting ? (
        <BulkBar />
      ) : (
        <>
          <SearchBox inputRef={searchRef} />
          <ResultCount />
          <span className="library-toolbar__spacer" />
          <FiltersButton />
          <ArrangeMenu />
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
          <MoreMenu onImport={picker.open} />
        </>
      )}
      <IconButton
        icon="details"
        label={t('inspector.toggle')}
        shortcut="I"
        aria-pressed={inspectorOpen}
        onClick={toggleInspector}
      />
    </div>
  );
}
