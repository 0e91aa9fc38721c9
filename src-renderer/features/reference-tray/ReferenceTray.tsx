import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GenerationIssue } from '../../../src-preload/contract/generation';
import type { LibraryImage } from '../../../src-preload/contract/library-types';
import { useAppStore } from '../../app/use-app-store';
import { Icon } from '../../components/Icon';
import { ariaKeyShortcuts, matches } from '../../shortcuts/shortcut-table';
import { modelOf } from '../generate/draft';
import { controlIdFor } from '../generate/controls';
import { FieldIssues } from '../generate/FieldIssues';
import { referenceCapacity, type TrayMessage } from './reference-slice';
import './reference-tray.css';

/** Reordering inside the tray uses its own drag type, so the workspace never mistakes it for new images. */
const reorderType = 'application/x-seedream-reference-position';

function MessageText({ message }: { message: TrayMessage }) {
  const { t } = useTranslation('generate');
  switch (message.kind) {
    case 'refused':
      return <>{t(`tray.refused.${message.reason}`, { name: message.name })}</>;
    case 'failed':
      return <>{t('tray.failed', { name: message.name, reason: message.error.message })}</>;
    case 'notice':
      return <>{t('tray.notice', { name: message.name, notice: message.text })}</>;
  }
}

function TrayMessages() {
  const { t } = useTranslation('generate');
  const messages = useAppStore((s) => s.referenceMessages);
  const dismiss = useAppStore((s) => s.dismissReferenceMessage);
  return (
    <ul className="tray__messages" aria-live="polite" aria-label={t('tray.messagesLabel')}>
      {messages.map((message) => (
        <li
          key={message.id}
          className={`tray__message${message.kind === 'notice' ? '' : ' tray__message--refused'}`}
        >
          <span>
            <MessageText message={message} />
          </span>
          <button
            type="button"
            className="button button--quiet button--small"
            aria-label={t('tray.dismissMessage', { name: message.name })}
            onClick={() => {
              dismiss(message.id);
            }}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

interface ReferenceItemProps {
  image: LibraryImage;
  position: number;
  total: number;
  dropTarget: boolean;
  onDropTargetChange: (position: number | null) => void;
  onMoved: (id: number, position: number) => void;
}

function ReferenceItem({
  image,
  position,
  total,
  dropTarget,
  onDropTargetChange,
  onMoved,
}: ReferenceItemProps) {
  const { t } = useTranslation('generate');
  const removeReference = useAppStore((s) => s.removeReference);
  const moveReference = useAppStore((s) => s.moveReference);
  const label = t('tray.itemLabel', { position: position + 1, total });

  const moveTo = (target: number) => {
    if (target < 0 || target >= total) return;
    moveReference(image.id, target);
    onMoved(image.id, target);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.target !== event.currentTarget) return;
    if (matches(event, 'tray.moveEarlier')) {
      event.preventDefault();
      moveTo(position - 1);
    } else if (matches(event, 'tray.moveLater')) {
      event.preventDefault();
      moveTo(position + 1);
    } else if (matches(event, 'tray.remove')) {
      event.preventDefault();
      removeReference(image.id);
    }
  };

  const onDrop = (event: DragEvent<HTMLLIElement>) => {
    const raw = event.dataTransfer.getData(reorderType);
    onDropTargetChange(null);
    if (raw === '') return;
    event.preventDefault();
    event.stopPropagation();
    const id = Number(raw);
    moveReference(id, position);
    onMoved(id, position);
  };

  return (
    <li
      className={`tray__item${dropTarget ? ' tray__item--target' : ''}`}
      tabIndex={0}
      draggable
      data-reference-id={image.id}
      aria-label={label}
      aria-keyshortcuts={`${ariaKeyShortcuts('tray.moveEarlier')} ${ariaKeyShortcuts('tray.moveLater')} ${ariaKeyShortcuts('tray.remove')}`}
      title={t('tray.itemHint')}
      onKeyDown={onKeyDown}
      onDragStart={(event) => {
        event.dataTransfer.setData(reorderType, String(image.id));
        event.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes(reorderType)) return;
        event.preventDefault();
        event.stopPropagation();
        event.dataTransfer.dropEffect = 'move';
        onDropTargetChange(position);
      }}
      onDragLeave={() => {
        onDropTargetChange(null);
      }}
      onDrop={onDrop}
    >
      <img
        className="tray__thumb"
        src={image.thumbSrc}
        alt={t('tray.imageAlt', { position: position + 1, width: image.width, height: image.height })}
        draggable={false}
      />
      <span className="tray__position" aria-hidden="true">
        {position + 1}
      </span>
      <button
        type="button"
        className="tray__remove"
        aria-label={t('tray.remove', { position: position + 1 })}
        title={t('tray.remove', { position: position + 1 })}
        onClick={() => {
          removeReference(image.id);
        }}
      >
        ×
      </button>
    </li>
  );
}

export function ReferenceTray({ issues }: { issues: readonly GenerationIssue[] }) {
  const { t } = useTranslation('generate');
  const references = useAppStore((s) => s.references);
  const pending = useAppStore((s) => s.referencesPending);
  const modelId = useAppStore((s) => s.draft.model);
  const addReferenceFiles = useAppStore((s) => s.addReferenceFiles);
  const clearReferences = useAppStore((s) => s.clearReferences);
  const [dropTarget, setDropTarget] = useState<number | null>(null);
  const [movedTo, setMovedTo] = useState<number | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const focusAfterMove = useRef<number | null>(null);
  const capacity = referenceCapacity(modelOf({ model: modelId }));
  const inputId = controlIdFor('references');

  // A moved item is re-rendered at its new place; keep the keyboard on it so Alt+Arrow can repeat.
  useEffect(() => {
    const id = focusAfterMove.current;
    if (id === null) return;
    focusAfterMove.current = null;
    listRef.current?.querySelector<HTMLElement>(`[data-reference-id="${id}"]`)?.focus();
  }, [references]);

  return (
    <section className="tray" aria-labelledby="tray-heading">
      <div className="tray__header">
        <h2 id="tray-heading" className="tray__heading">
          {t('tray.heading')}
        </h2>
        <span
          className={`tray__counter${references.length > capacity ? ' tray__counter--over' : ''}`}
          aria-label={t('tray.counterLabel', { count: references.length, max: capacity })}
        >
          {references.length} / {capacity}
        </span>
        <span className="tray__spacer" />
        {references.length > 0 && (
          <button type="button" className="button button--quiet button--small" onClick={clearReferences}>
            {t('tray.clear')}
          </button>
        )}
        <label className="button button--small tray__add">
          <input
            id={inputId}
            className="visually-hidden"
            type="file"
            multiple
            accept="image/*"
            onChange={(event) => {
              const files = Array.from(event.target.files ?? []);
              event.target.value = '';
              if (files.length > 0) void addReferenceFiles(files);
            }}
          />
          <Icon name="plus" size={14} />
          {t('tray.addShort')}
          <span className="visually-hidden">{t('tray.addRest')}</span>
        </label>
      </div>
      <ul ref={listRef} className="tray__list" aria-labelledby="tray-heading">
        {references.map((image, position) => (
          <ReferenceItem
            key={image.id}
            image={image}
            position={position}
            total={references.length}
            dropTarget={dropTarget === position}
            onDropTargetChange={setDropTarget}
            onMoved={(id, target) => {
              focusAfterMove.current = id;
              setMovedTo(target);
            }}
          />
        ))}
        {Array.from({ length: pending }, (_, index) => (
          <li key={`pending-${index}`} className="tray__item tray__item--pending" aria-hidden="true" />
        ))}
      </ul>
      {references.length === 0 && pending === 0 && <p className="tray__empty">{t('tray.empty')}</p>}
      <p className="visually-hidden" aria-live="polite">
        {pending > 0 ? t('tray.adding', { count: pending }) : ''}
      </p>
      {movedTo !== null && (
        <p className="visually-hidden" aria-live="polite">
          {t('tray.movedTo', { position: movedTo + 1, total: references.length })}
        </p>
      )}
      <FieldIssues controlId={inputId} issues={issues} />
      <TrayMessages />
    </section>
  );
}
