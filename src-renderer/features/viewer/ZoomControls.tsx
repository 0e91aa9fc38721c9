import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconButton } from '../../components/IconButton';
import { scaleOf, stepZoom, type Zoom } from './zoom';

export interface ZoomState {
  zoom: Zoom;
  /** Screen pixels per image pixel now. */
  scale: number;
  zoomIn: () => void;
  zoomOut: () => void;
  fit: () => void;
  actualSize: () => void;
  /** Fit and real pixels, back and forth (double-click, the percentage button). */
  toggle: () => void;
}

/**
 * The zoom of a viewer or a comparison, around the scale that fits (`fitScale`, known once the stage is
 * measured). A new `subject` (the next image) starts again at fit.
 */
export function useZoom(fitScale: number, subject: unknown): ZoomState {
  const [stored, setStored] = useState<{ subject: unknown; zoom: Zoom }>({ subject, zoom: 'fit' });
  const zoom = stored.subject === subject ? stored.zoom : 'fit';
  const setZoom = (next: Zoom) => {
    setStored({ subject, zoom: next });
  };
  return {
    zoom,
    scale: scaleOf(zoom, fitScale),
    zoomIn: () => {
      setZoom(stepZoom(zoom, 1, fitScale));
    },
    zoomOut: () => {
      setZoom(stepZoom(zoom, -1, fitScale));
    },
    fit: () => {
      setZoom('fit');
    },
    actualSize: () => {
      setZoom(1);
    },
    toggle: () => {
      setZoom(zoom === 'fit' ? 1 : 'fit');
    },
  };
}

/** Zoom out, the scale (which toggles fit and 100%), zoom in. */
export function ZoomControls({ state }: { state: ZoomState }) {
  const { t, i18n } = useTranslation('viewer');
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(state.scale);
  return (
    <div className="viewer-zoom" role="group" aria-label={t('zoom.label')}>
      <IconButton
        className="viewer-button"
        icon="zoomOut"
        label={t('zoom.out')}
        shortcut="−"
        onClick={state.zoomOut}
      />
      <button
        type="button"
        className="viewer-button viewer-zoom__level"
        aria-pressed={state.zoom === 'fit'}
        aria-label={t('zoom.fit')}
        title={t('zoom.toggleHint')}
        onClick={state.toggle}
      >
        {state.zoom === 'fit' ? t('zoom.fitValue', { percent }) : percent}
      </button>
      <IconButton
        className="viewer-button"
        icon="zoomIn"
        label={t('zoom.in')}
        shortcut="+"
        onClick={state.zoomIn}
      />
    </div>
  );
}
