import * as Dialog from '@radix-ui/react-dialog';
import * as Slider from '@radix-ui/react-slider';
import * as ToggleGroup from '@radix-ui/react-toggle-group';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryImage } from '../../../src-preload/contract/library-types';
import { IconButton } from '../../components/IconButton';
import { ModalDialog } from '../../components/ModalDialog';
import { matchShortcut } from '../../shortcuts/shortcut-table';
import { imageName } from './image-name';
import { canCompare } from './viewer-slice';
import { ZoomControls, useZoom } from './ZoomControls';
import { ZoomStage } from './ZoomStage';
import { middle, sharedFitScale, type Centre, type Size } from './zoom';
import './compare.css';

type Layout = 'side' | 'slider';

/** Compare's zoom keys, from the one shortcut table; Escape (listed there) is the dialog's own. */
const compareKeys = ['compare.zoomIn', 'compare.zoomOut', 'compare.fit', 'compare.actualSize'] as const;

interface CompareProps {
  /** The images compared, in their source's order; fewer than two closes the comparison. */
  images: readonly LibraryImage[];
  onClose: () => void;
}

/**
 * Two to four images side by side at one scale, zoomed and panned together; two can also be laid one over the
 * other with a before/after slider (a slider named "Compare position").
 */
export function Compare({ images, onClose }: CompareProps) {
  const { t } = useTranslation('viewer');
  const open = canCompare(images.length);
  const subject = images.map((image) => image.id).join(',');
  const [pane, setPane] = useState<Size>({ width: 0, height: 0 });
  const [view, setView] = useState<{ subject: string; centre: Centre }>({ subject, centre: middle });
  const [layout, setLayout] = useState<Layout>('side');
  const [position, setPosition] = useState(50);
  const centre = view.subject === subject ? view.centre : middle;
  const setCentre = (next: Centre) => {
    setView({ subject, centre: next });
  };
  const zoom = useZoom(sharedFitScale(images, pane), subject);
  const shown: Layout = images.length === 2 ? layout : 'side';
  const untitled = t('untitled');

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Escape is Radix's (compare.close is listed, not matched); the slider and the layout buttons keep their
    // own keys.
    const action = matchShortcut(event, compareKeys);
    if (action === undefined) return;
    event.preventDefault();
    if (action === 'compare.zoomIn') zoom.zoomIn();
    else if (action === 'compare.zoomOut') zoom.zoomOut();
    else if (action === 'compare.fit') zoom.fit();
    else zoom.actualSize();
  };

  const stage = (image: LibraryImage, index: number, clip?: string) => (
    <ZoomStage
      image={image}
      alt={t('compare.pane', { position: index + 1, name: imageName(image, untitled) })}
      scale={zoom.scale}
      centre={centre}
      onCentreChange={setCentre}
      onViewport={index === 0 ? setPane : undefined}
      onDoubleClick={zoom.toggle}
      clip={clip}
    />
  );

  return (
    <ModalDialog
      open={open}
      onOpenChange={(isOpen) => {
        if (!isOpen) onClose();
      }}
      className="viewer compare"
      overlayClassName="viewer__overlay"
      onKeyDown={onKeyDown}
      onOpenAutoFocus={(event) => {
        event.preventDefault();
        document.querySelector<HTMLElement>('.compare .zoom-stage')?.focus();
      }}
    >
      <Dialog.Title className="visually-hidden">{t('compare.title')}</Dialog.Title>
      {open && (
        <>
          <header className="viewer__bar">
            <p className="viewer__caption">
              <span className="viewer__name">{t('compare.title')}</span>
              <span className="viewer__position">{t('compare.count', { count: images.length })}</span>
              <span className="viewer__position compare__hint">{t('compare.hint')}</span>
            </p>
            <div className="viewer__actions">
              {images.length === 2 && (
                <ToggleGroup.Root
                  type="single"
                  className="compare__layout"
                  aria-label={t('compare.layout')}
                  value={layout}
                  onValueChange={(value) => {
                    if (value === 'side' || value === 'slider') setLayout(value);
                  }}
                >
                  <ToggleGroup.Item value="side" className="viewer-button viewer-button--text">
                    {t('compare.sideBySide')}
                  </ToggleGroup.Item>
                  <ToggleGroup.Item value="slider" className="viewer-button viewer-button--text">
                    {t('compare.slider')}
                  </ToggleGroup.Item>
                </ToggleGroup.Root>
              )}
              <ZoomControls state={zoom} />
              <Dialog.Close asChild>
                <IconButton
                  className="viewer-button"
                  icon="close"
                  label={t('compare.close')}
                  shortcut="Esc"
                />
              </Dialog.Close>
            </div>
          </header>
          {shown === 'side' ? (
            <div className={`compare__panes compare__panes--${images.length}`}>
              {images.map((image, index) => (
                <figure key={image.id} className="compare__pane">
                  {stage(image, index)}
                  <figcaption className="compare__caption">
                    <span className="compare__number">{index + 1}</span>
                    {imageName(image, untitled)}
                  </figcaption>
                </figure>
              ))}
            </div>
          ) : (
            <div className="compare__overlay">
              <div className="compare__layers">
                {images[0] && stage(images[0], 0)}
                {images[1] && stage(images[1], 1, `inset(0 0 0 ${position}%)`)}
                <div className="compare__divider" style={{ left: `${position}%` }} aria-hidden="true" />
                <span className="compare__label compare__label--before">{t('compare.before')}</span>
                <span className="compare__label compare__label--after">{t('compare.after')}</span>
              </div>
              <Slider.Root
                className="compare__slider"
                value={[position]}
                min={0}
                max={100}
                step={1}
                onValueChange={([value]) => {
                  if (value !== undefined) setPosition(value);
                }}
              >
                <Slider.Track className="compare__track">
                  <Slider.Range className="compare__range" />
                </Slider.Track>
                <Slider.Thumb className="compare__thumb" aria-label={t('compare.position')} />
              </Slider.Root>
            </div>
          )}
        </>
      )}
    </ModalDialog>
  );
}
