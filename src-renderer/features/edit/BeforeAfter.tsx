import * as Dialog from '@radix-ui/react-dialog';
import * as Slider from '@radix-ui/react-slider';
import * as ToggleGroup from '@radix-ui/react-toggle-group';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryImage } from '../../../src-preload/contract/library-types';
import { ModalDialog } from '../../components/ModalDialog';

/** A version against the base it was made from: one over the other with a slider, or side by side. */
export function BeforeAfter({
  before,
  after,
  onClose,
}: {
  before: LibraryImage;
  after: LibraryImage;
  onClose: () => void;
}) {
  const { t } = useTranslation('edit');
  const [layout, setLayout] = useState<'slider' | 'side'>('slider');
  const [position, setPosition] = useState(50);
  return (
    <ModalDialog
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      className="dialog before-after"
    >
      <div className="before-after__bar">
        <Dialog.Title className="dialog__title">{t('compare.title')}</Dialog.Title>
        <ToggleGroup.Root
          type="single"
          className="edit-toggle"
          aria-label={t('compare.layout')}
          value={layout}
          onValueChange={(value) => {
            if (value === 'slider' || value === 'side') setLayout(value);
          }}
        >
          <ToggleGroup.Item value="slider" className="edit-toggle__item">
            {t('compare.slider')}
          </ToggleGroup.Item>
          <ToggleGroup.Item value="side" className="edit-toggle__item">
            {t('compare.sideBySide')}
          </ToggleGroup.Item>
        </ToggleGroup.Root>
        <Dialog.Close className="button button--small">{t('compare.close')}</Dialog.Close>
      </div>
      {layout === 'side' ? (
        <div className="before-after__side">
          <figure>
            <img src={before.previewSrc} alt={t('compare.before')} />
            <figcaption>{t('compare.before')}</figcaption>
          </figure>
          <figure>
            <img src={after.previewSrc} alt={t('compare.after')} />
            <figcaption>{t('compare.after')}</figcaption>
          </figure>
        </div>
      ) : (
        <>
          <div className="before-after__layers" style={{ aspectRatio: `${after.width} / ${after.height}` }}>
            <img src={before.previewSrc} alt={t('compare.before')} />
            <img
              src={after.previewSrc}
              alt={t('compare.after')}
              style={{ clipPath: `inset(0 0 0 ${position}%)` }}
              data-position={position}
            />
            <div className="before-after__divider" style={{ left: `${position}%` }} aria-hidden="true" />
          </div>
          <Slider.Root
            className="before-after__slider"
            value={[position]}
            min={0}
            max={100}
            step={1}
            onValueChange={([value]) => {
              if (value !== undefined) setPosition(value);
            }}
          >
            <Slider.Track className="before-after__track">
              <Slider.Range className="before-after__range" />
            </Slider.Track>
            <Slider.Thumb className="before-after__thumb" aria-label={t('compare.position')} />
          </Slider.Root>
        </>
      )}
    </ModalDialog>
  );
}
