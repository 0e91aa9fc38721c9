import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findModel } from '../../../src-preload/contract/models';
import type { QueueItem } from '../../../src-preload/contract/queue';
import { useAppStore } from '../../app/use-app-store';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import './queue.css';

const open = (item: QueueItem) => item.state === 'waiting' || item.state === 'running';

function QueueRow({ item, first, last }: { item: QueueItem; first: boolean; last: boolean }) {
  const { t } = useTranslation('volume');
  const move = useAppStore((s) => s.moveQueueItem);
  const remove = useAppStore((s) => s.removeQueueItem);
  const retry = useAppStore((s) => s.retryQueueItem);
  const [confirming, setConfirming] = useState(false);
  const prompt = item.request?.prompt ?? t('queue.unreadable');
  const state = t(`queue.states.${item.state}`);
  return (
    <li
      className={`queue__item queue__item--${item.state}`}
      aria-label={t('queue.itemLabel', { state, prompt })}
    >
      <span className="queue__state">{state}</span>
      <span className="queue__prompt" title={prompt}>
        {prompt}
      </span>
      <span className="queue__detail">
        {item.request ? (findModel(item.request.model)?.label ?? item.request.model) : null}
        {item.generationId !== null &&
          ` · ${t('queue.progress', { saved: item.saved, expected: item.expected })}`}
        {item.error && ` · ${item.error.message}`}
      </span>
      <span className="queue__actions">
        {item.state === 'waiting' && (
          <>
            <button
              type="button"
              className="button button--small button--quiet"
              disabled={first}
              onClick={() => void move(item.id, -1)}
            >
              {t('queue.moveUp')}
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              disabled={last}
              onClick={() => void move(item.id, 1)}
            >
              {t('queue.moveDown')}
            </button>
          </>
        )}
        {(item.state === 'failed' || item.state === 'cancelled') && (
          <button type="button" className="button button--small" onClick={() => void retry(item.id, false)}>
            {t('queue.retry')}
          </button>
        )}
        {item.state === 'unknown' && (
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setConfirming(true);
            }}
          >
            {t('queue.sendAgain')}
          </button>
        )}
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => void remove(item.id)}
        >
          {item.state === 'running' ? t('queue.cancel') : t('queue.remove')}
        </button>
      </span>
      <ConfirmDialog
        open={confirming}
        title={t('queue.confirmTitle')}
        body={t('queue.confirmBody')}
        confirmLabel={t('queue.confirmAction')}
        onOpenChange={setConfirming}
        onConfirm={() => retry(item.id, true)}
      />
    </li>
  );
}

/** The region "Queue": waiting and running items in the order they run, then finished ones, with their controls. */
export function QueuePanel() {
  const { t } = useTranslation('volume');
  const queue = useAppStore((s) => s.queue);
  const error = useAppStore((s) => s.queueError);
  const dismissError = useAppStore((s) => s.dismissQueueError);
  const loadQueue = useAppStore((s) => s.loadQueue);
  const watchQueue = useAppStore((s) => s.watchQueue);
  const pause = useAppStore((s) => s.pauseQueue);
  const resume = useAppStore((s) => s.resumeQueue);
  const clearFinished = useAppStore((s) => s.clearFinishedQueue);
  useEffect(() => watchQueue(), [watchQueue]);
  useEffect(() => {
    void loadQueue();
  }, [loadQueue]);

  const items = queue?.items ?? [];
  const waiting = items.filter((item) => item.state === 'waiting');
  const running = items.filter((item) => item.state === 'running').length;
  const finished = items.length - waiting.length - running;
  return (
    <section className="queue" role="region" aria-label={t('queue.region')}>
      <div className="queue__header">
        <h2 className="queue__heading">{t('queue.region')}</h2>
        {items.length > 0 && (
          <span className="queue__counts">
            {t('queue.counts', { waiting: waiting.length, running, finished })}
          </span>
        )}
        {queue?.paused ? (
          <button type="button" className="button button--small" onClick={() => void resume()}>
            {t('queue.resume')}
          </button>
        ) : (
          <button type="button" className="button button--small" onClick={() => void pause()}>
            {t('queue.pause')}
          </button>
        )}
        {finished > 0 && (
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => void clearFinished()}
          >
            {t('queue.clearFinished')}
          </button>
        )}
      </div>
      {queue?.paused && (
        <p className="queue__status" role="status">
          {queue.pausedReason ? t('queue.pausedBy', { reason: queue.pausedReason }) : t('queue.paused')}
        </p>
      )}
      {queue?.backoffUntil != null && (
        <p className="queue__status">
          {t('queue.backoff', { time: new Date(queue.backoffUntil).toLocaleTimeString() })}
        </p>
      )}
      {error && <ErrorNotice error={error} onDismiss={dismissError} />}
      {items.length === 0 ? (
        <p className="queue__empty">{t('queue.empty')}</p>
      ) : (
        <ol className="queue__list">
          {items.map((item) => (
            <QueueRow
              key={item.id}
              item={item}
              first={waiting[0]?.id === item.id}
              last={waiting.at(-1)?.id === item.id || !open(item)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
