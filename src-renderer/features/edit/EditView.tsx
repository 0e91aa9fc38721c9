import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/use-app-store';
import { EmptyState } from '../../components/EmptyState';
import { ViewHeader } from '../../components/ViewHeader';
import { readImageFiles } from '../../dom/read-files';
import { EditCanvas } from './EditCanvas';
import { EditPanel } from './EditPanel';
import { EditToolbar } from './EditToolbar';
import { ReferenceStrip } from './ReferenceStrip';
import { useEditInput } from './use-edit-input';
import { VersionsList } from './VersionsList';
import './edit.css';

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer.types.includes('Files');
}

/**
 * The Edit view: one base on the canvas, marks or regions drawn over it, references beside it, the
 * instruction, and the versions its edits made. An image dropped anywhere on it (or pasted) opens as the
 * base when there is none, and joins the references otherwise.
 */
export function EditView() {
  const { t } = useTranslation('edit');
  const base = useAppStore((s) => s.editBase);
  const addEditFiles = useAppStore((s) => s.addEditFiles);
  const notifyFailure = useAppStore((s) => s.notifyFailure);
  const picker = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  useEditInput();

  const addFiles = async (files: readonly File[]) => {
    const { files: read, refused } = await readImageFiles(files);
    for (const file of refused) notifyFailure({ code: 'invalid-image', message: file.message });
    await addEditFiles(read);
  };

  return (
    <section
      className={`view edit-view${dragging ? ' edit-view--dropping' : ''}`}
      aria-labelledby="view-title"
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => {
        setDragging(false);
      }}
      onDrop={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDragging(false);
        void addFiles([...event.dataTransfer.files]);
      }}
    >
      <input
        ref={picker}
        type="file"
        accept="image/*"
        multiple
        hidden
        onChange={(event) => {
          void addFiles([...(event.target.files ?? [])]);
          event.target.value = '';
        }}
      />
      <ViewHeader title={t('title')} />
      <div className="edit-view__content">
        {base === null ? (
          <EmptyState title={t('empty.title')}>
            <p>{t('empty.body')}</p>
            <button type="button" className="button button--primary" onClick={() => picker.current?.click()}>
              {t('empty.pick')}
            </button>
          </EmptyState>
        ) : (
          <>
            <EditToolbar />
            <div className="edit-view__body">
              <div className="edit-view__canvas">
                <EditCanvas />
                <ReferenceStrip />
              </div>
              <aside className="edit-view__side">
                <EditPanel />
                <VersionsList />
              </aside>
            </div>
          </>
        )}
      </div>
    </section>
  );
}
