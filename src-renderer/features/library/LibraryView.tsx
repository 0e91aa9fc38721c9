import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryImage } from '../../../src-preload/contract/library-types';
import { useAppStore, useAppStoreApi } from '../../app/use-app-store';
import { carriesFiles } from '../../dom/drag-image';
import { readImageFiles } from '../../dom/read-files';
import { ViewHeader } from '../../components/ViewHeader';
import { ImageDialogs } from '../image-actions/ImageDialogs';
import { Compare } from '../viewer/Compare';
import { Viewer } from '../viewer/Viewer';
import { canCompare } from '../viewer/viewer-slice';
import { arrange, coverOf, imagesOf, isStack, type Entry } from './arrangement';
import { Inspector } from './Inspector';
import { LibraryGrid } from './LibraryGrid';
import { LibrarySidebar } from './LibrarySidebar';
import { LibraryToolbar } from './LibraryToolbar';
import { LoadError, NoResults } from './LibraryEmpty';
import { pointerSelect } from './selection';
import { useLibraryShortcuts } from './use-library-shortcuts';
import './library.css';

/** How many more images the viewer asks for when it nears the end of what is loaded. */
const viewerPage = 200;

/**
 * Shown while images are dragged out of the grid: Generate is another view, so this is where a drag from the
 * library reaches the reference tray.
 */
function ReferenceDropZone() {
  const { t } = useTranslation('library');
  const asReferences = useAppStore((s) => s.sendToReferenceTray);
  const store = useAppStoreApi();
  const [over, setOver] = useState(false);
  return (
    <div
      className={over ? 'library-send library-send--over' : 'library-send'}
      role="region"
      aria-label={t('send.label')}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => {
        setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        event.stopPropagation();
        asReferences(store.getState().takeImageDrag() ?? []);
      }}
    >
      {t('send.hint')}
    </div>
  );
}

/** The entry holding an image: itself, or the closed stack it is in. */
function entryOf(entries: readonly Entry[], id: number): number {
  return entries.findIndex((entry) => imagesOf(entry).some((image) => image.id === id));
}

/** Every image ever generated or imported: search, filter, select, inspect, view, compare, reuse; all offline. */
export function LibraryView() {
  const { t } = useTranslation();
  const { t: tl } = useTranslation('library');
  const items = useAppStore((s) => s.libraryItems);
  const total = useAppStore((s) => s.libraryTotal);
  const grouping = useAppStore((s) => s.libraryGrouping);
  const openStacks = useAppStore((s) => s.libraryOpenStacks);
  const focus = useAppStore((s) => s.libraryFocus);
  const inspectorOpen = useAppStore((s) => s.libraryInspectorOpen);
  const revealId = useAppStore((s) => s.libraryRevealId);
  const viewer = useAppStore((s) => s.viewer);
  const compare = useAppStore((s) => s.compare);
  const draggingOut = useAppStore((s) => s.inAppDrag !== null);
  const importFiles = useAppStore((s) => s.importLibraryFiles);
  const store = useAppStoreApi();
  const searchRef = useRef<HTMLInputElement>(null);
  const [dropping, setDropping] = useState(false);

  useEffect(() => {
    const state = store.getState();
    // The first page goes first: collections, tags, models and statistics can wait for the thumbnails.
    state.loadLibraryOnce();
    // Coming back shows what was there at once, then catches up with what changed meanwhile, if anything.
    state.setLibraryVisible(true);
    return () => {
      state.setLibraryVisible(false);
    };
  }, [store]);

  const arrangement = useMemo(() => arrange(items, grouping, openStacks), [items, grouping, openStacks]);
  const { entries } = arrangement;
  const order = useMemo(
    () => (grouping === 'generation' ? entries.flatMap(imagesOf) : items),
    [entries, grouping, items],
  );

  /** Puts the grid's focus on an entry and selects it alone, as a click does. */
  const focusEntry = useCallback(
    (index: number) => {
      const state = store.getState();
      state.setLibraryFocus(index);
      state.setLibrarySelection(
        pointerSelect(state.librarySelection, entries, index, { range: false, toggle: false }),
      );
    },
    [entries, store],
  );

  // The inspector follows the focus. It is told only when the focused image changes, so a lineage link it
  // followed stays until the focus moves on.
  const focusedId = entries[Math.min(focus, entries.length - 1)];
  const followedId = focusedId ? coverOf(focusedId).id : null;
  const followed = useRef<number | null>(null);
  useEffect(() => {
    if (!inspectorOpen || followedId === null || revealId !== null) return;
    if (followed.current === followedId) return;
    followed.current = followedId;
    if (store.getState().libraryDetailId !== followedId) store.getState().openLibraryDetail(followedId);
  }, [followedId, inspectorOpen, revealId, store]);

  // An image another view asked to show: once it is in the list, the grid goes there.
  useEffect(() => {
    if (revealId === null || total === null) return;
    const index = entryOf(entries, revealId);
    if (index >= 0) {
      focusEntry(index);
      followed.current = revealId;
    } else {
      // Not in this list (another filter, or not loaded yet): the inspector shows it all the same.
      followed.current = followedId;
    }
    store.getState().revealedInLibrary();
  }, [revealId, entries, total, focusEntry, followedId, store]);

  const onOpen = useCallback(
    (entry: Entry) => {
      if (isStack(entry)) store.getState().toggleLibraryStack(entry.generationId);
      else store.getState().openViewer('library', entry.id);
    },
    [store],
  );

  const compareSelection = useCallback(() => {
    const state = store.getState();
    const ids = order.filter((image) => state.librarySelection.ids.has(image.id)).map((image) => image.id);
    if (canCompare(ids.length)) state.openCompare('library', ids);
    else state.notify({ key: 'toast.compareCount', count: ids.length });
  }, [order, store]);
  useLibraryShortcuts(searchRef, compareSelection);

  const onStep = (direction: -1 | 1) => {
    const detailId = store.getState().libraryDetailId;
    const at = detailId === null ? -1 : order.findIndex((image) => image.id === detailId);
    const next = order[at + direction];
    if (next) focusEntry(entryOf(entries, next.id));
  };

  const onViewerShow = (image: LibraryImage) => {
    store.getState().openViewer('library', image.id);
    const index = entryOf(entries, image.id);
    if (index >= 0) focusEntry(index);
  };

  const loadMore = useCallback(() => {
    void store.getState().loadLibraryUntil(items.length + viewerPage);
  }, [items.length, store]);

  const compared = useMemo(
    () => (compare?.source === 'library' ? order.filter((image) => compare.ids.includes(image.id)) : []),
    [compare, order],
  );

  return (
    <section
      className="view library"
      aria-labelledby="view-title"
      onDragOver={(event) => {
        if (!carriesFiles(event.dataTransfer) || store.getState().inAppDrag !== null) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDropping(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDropping(false);
      }}
      onDrop={(event) => {
        setDropping(false);
        if (!carriesFiles(event.dataTransfer)) return;
        event.preventDefault();
        // The app's own images dropped back where they came from: nothing to import.
        if (store.getState().takeImageDrag() !== null) return;
        void readImageFiles([...event.dataTransfer.files]).then(importFiles);
      }}
    >
      <ViewHeader title={t('views.library.title')}>
        <LibraryToolbar searchRef={searchRef} />
      </ViewHeader>
      <div className={inspectorOpen ? 'library__layout library__layout--inspector' : 'library__layout'}>
        <LibrarySidebar />
        <div className="library__main">
          <LoadError />
          {total === 0 && items.length === 0 ? (
            <NoResults />
          ) : (
            <LibraryGrid arrangement={arrangement} onOpen={onOpen} />
          )}
        </div>
        {inspectorOpen && <Inspector order={order} onStep={onStep} />}
      </div>
      {draggingOut && <ReferenceDropZone />}
      {dropping && (
        <div className="library-drop" aria-hidden="true">
          {tl('import.drop')}
        </div>
      )}
      <Viewer
        images={order}
        openId={viewer?.source === 'library' ? viewer.id : null}
        total={total ?? undefined}
        onShow={onViewerShow}
        onClose={store.getState().closeViewer}
        onNearEnd={loadMore}
      />
      <Compare images={compared} onClose={store.getState().closeCompare} />
      <ImageDialogs />
    </section>
  );
}
