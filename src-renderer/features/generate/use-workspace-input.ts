import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useAppStore, useAppStoreApi } from '../../app/use-app-store';
import { carriesFiles } from '../../dom/drag-image';
import { acceptsText } from '../../dom/keyboard-target';
import type { GenerationField } from '../../../src-preload/contract/generation';
import { adviseOn } from '../../components/error-advice';

export const generateButtonId = 'generate-button';

/**
 * Drops anywhere on the workspace add references: OS files go to main as bytes, the app's own images dragged
 * from the results or the library (an OS drag of their files, see dom/drag-image.ts) are added as they are.
 * Returns whether something droppable is over the workspace.
 */
export function useWorkspaceDrop() {
  const addReferenceFiles = useAppStore((s) => s.addReferenceFiles);
  const addReferences = useAppStore((s) => s.addReferences);
  const store = useAppStoreApi();
  const depth = useRef(0);
  const [dragging, setDragging] = useState(false);
  const carriesImages = (dataTransfer: DataTransfer) =>
    store.getState().inAppDrag !== null || carriesFiles(dataTransfer);

  const handlers = {
    onDragEnter: (event: DragEvent) => {
      if (!carriesImages(event.dataTransfer)) return;
      depth.current += 1;
      setDragging(true);
    },
    onDragOver: (event: DragEvent) => {
      if (!carriesImages(event.dataTransfer)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: (event: DragEvent) => {
      if (!carriesImages(event.dataTransfer)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      depth.current = 0;
      setDragging(false);
      if (!carriesImages(event.dataTransfer)) return;
      event.preventDefault();
      const images = store.getState().takeImageDrag();
      if (images) {
        addReferences(images);
        return;
      }
      const files = Array.from(event.dataTransfer.files);
      if (files.length > 0) void addReferenceFiles(files);
    },
  };
  return { dragging, handlers };
}

/**
 * Ctrl/Cmd+V adds clipboard files as references. Image data is always taken, even from a text field (text
 * cannot hold it); other files only when the focus is not in a text field, where pasting means text.
 */
export function useClipboardReferences(): void {
  const addReferenceFiles = useAppStore((s) => s.addReferenceFiles);
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const files = Array.from(event.clipboardData?.files ?? []);
      const taken = acceptsText(document.activeElement)
        ? files.filter((file) => file.type.startsWith('image/'))
        : files;
      if (taken.length === 0) return;
      event.preventDefault();
      void addReferenceFiles(taken);
    };
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('paste', onPaste);
    };
  }, [addReferenceFiles]);
}

/** Follows every job main runs: the list on mount, then each snapshot as it changes. */
export function useJobUpdates(): void {
  const watchJobs = useAppStore((s) => s.watchJobs);
  const loadJobs = useAppStore((s) => s.loadJobs);
  useEffect(() => watchJobs(), [watchJobs]);
  useEffect(() => {
    void loadJobs();
  }, [loadJobs]);
}

/**
 * When a job this workspace started fails because of one control (a rejected prompt, a refused reference),
 * focus moves there, unless the user has meanwhile started doing something else on the page.
 */
export function useFocusOnFailedField(focus: (field: GenerationField) => void): void {
  const jobs = useAppStore((s) => s.jobs);
  const handled = useRef(new Set<string>());
  // Failures from before the workspace was shown are old news: they must not pull the focus around.
  const [shownAt] = useState(() => Date.now());
  useEffect(() => {
    for (const job of jobs) {
      if (job.phase !== 'failed' || !job.error || handled.current.has(job.jobId)) continue;
      if ((job.finishedAt ?? 0) < shownAt) continue;
      handled.current.add(job.jobId);
      const action = adviseOn(job.error);
      const idle =
        document.activeElement === document.body || document.activeElement?.id === generateButtonId;
      if (action.kind === 'field' && idle) focus(action.field);
    }
  }, [jobs, focus, shownAt]);
}
