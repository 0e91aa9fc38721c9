import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useAppStoreApi } from '../../app/use-app-store';
import { carriesOnlyFiles, getDraggedImages, imageDragType } from '../../dom/drag-image';
import { readImageFiles } from '../../dom/read-files';
import { EmptyState } from '../../components/EmptyState';
import { ViewHeader } from '../../components/ViewHeader';
import { arrange, imagesOf, isStack, type Entry } from './arrangement';
import { BulkBar } from './BulkBar';
import { FilterBar } from './FilterBar';
import { ImageDetails } from './ImageDetails';
import { LibraryGrid } from './LibraryGrid';
import { LibrarySidebar } from './LibrarySidebar';
import { LibraryToolbar } from './LibraryToolbar';
import { activeFilterCount, clearNarrowingFilters } from './library-query';
import { useLibraryShortcuts } from './use-library-shortcuts';
import './library.css';

/**
 * Shown while an image is dragged out of the grid: Generate is another view, so this is where a drag from the
 * library reaches the reference tray.
 */
function ReferenceDropZone({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('library');
  const asReferences = useAppStore((s) => s.sendToReferenceTray);
  const [over, setOver] = useState(false);
  return (
    <div
      className={over ? 'library-send library-send--over' : 'library-send'}
      role="region"
      aria-label={t('send.label')}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes(imageDragType)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => {
        setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        onDone();
        asReferences(getDraggedImages(event.dataTransfer));
      }}
    >
      {t('send.hint')}
    </div>
  );
}

function NoResults() {
  const { t } = useTranslation('library');
  const { t: tc } = useTranslation();
  const query = useAppStore((s) => s.libraryQuery);
  const setText = useAppStore((s) => s.setLibraryText);
  const setFilters = useAppStore((s) => s.setLibraryFilters);
  if (query.filters.trashed) return <EmptyState title={t('empty.trash')} />;
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

function LoadError() {
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

/** Every image ever generated or imported: search, filter, select, open, reuse; all of it works offline. */
export function LibraryView() {
  const { t } = useTranslation();
  const { t: tl } = useTranslation('library');
  const items = useAppStore((s) => s.libraryItems);
  const total = useAppStore((s) => s.libraryTotal);
  const grouping = useAppStore((s) => s.libraryGrouping);
  const openStacks = useAppStore((s) => s.libraryOpenStacks);
  const openDetail = useAppStore((s) => s.openLibraryDetail);
  const toggleStack = useAppStore((s) => s.toggleLibraryStack);
  const importFiles = useAppStore((s) => s.importLibraryFiles);
  const store = useAppStoreApi();
  const searchRef = useRef<HTMLInputElement>(null);
  const [dropping, setDropping] = useState(false);
  const [draggingOut, setDraggingOut] = useState(false);
  useLibraryShortcuts(searchRef);

  useEffect(() => {
    const state = store.getState();
    state.watchLibraryChanges();
    // The first page goes first: collections, tags, models and statistics can wait for the thumbnails.
    if (state.libraryTotal === null) void state.reloadLibrary().then(state.loadLibraryMeta);
    // Coming back shows what was there at once, then catches up with what changed meanwhile, if anything.
    state.setLibraryVisible(true);
    return () => {
      state.setLibraryVisible(false);
    };
  }, [store]);

  const arrangement = useMemo(() => arrange(items, grouping, openStacks), [items, grouping, openStacks]);
  const order = useMemo(
    () => (grouping === 'generation' ? arrangement.entries.flatMap(imagesOf) : items),
    [arrangement, grouping, items],
  );

  const onOpen = useCallback(
    (entry: Entry) => {
      if (isStack(entry)) toggleStack(entry.generationId);
      else openDetail(entry.id);
    },
    [openDetail, toggleStack],
  );

  return (
    <section
      className="view library"
      aria-labelledby="view-title"
      onDragOver={(event) => {
        if (!carriesOnlyFiles(event.dataTransfer)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDropping(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDropping(false);
      }}
      onDragStart={(event) => {
        if (event.dataTransfer.types.includes(imageDragType)) setDraggingOut(true);
      }}
      onDragEnd={() => {
        setDraggingOut(false);
      }}
      onPointerDown={() => {
        // An OS drag started by main may end without a dragend here; the next click clears the drop zone.
        setDraggingOut(false);
      }}
      onDrop={(event) => {
        setDropping(false);
        if (!carriesOnlyFiles(event.dataTransfer)) return;
        event.preventDefault();
        void readImageFiles([...event.dataTransfer.files]).then(importFiles);
      }}
    >
      <ViewHeader title={t('views.library.title')}>
        <LibraryToolbar searchRef={searchRef} />
      </ViewHeader>
      <div className="library__layout">
        <LibrarySidebar />
        <div className="library__main">
          <FilterBar />
          <BulkBar />
          <LoadError />
          {total === 0 && items.length === 0 ? (
            <NoResults />
          ) : (
            <LibraryGrid arrangement={arrangement} onOpen={onOpen} />
          )}
        </div>
      </div>
      {draggingOut && (
        <ReferenceDropZone
          onDone={() => {
            setDraggingOut(false);
          }}
        />
      )}
      {dropping && (
        <div className="library-drop" aria-hidden="true">
          {tl('import.drop')}
        </div>
      )}
      <ImageDetails order={order} />
    </section>
  );
}
