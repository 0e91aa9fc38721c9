import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryImage } from '../../../src-preload/contract/library-types';
import { imageName } from './image-name';
import { PreviewImage } from '../../components/PreviewImage';

/** Thumbnails either side of the current image; a library of a million needs only a window of them. */
const reach = 30;

interface FilmstripProps {
  images: readonly LibraryImage[];
  current: number;
  untitled: string;
  onPick: (image: LibraryImage) => void;
}

/** The images around the open one, in order; the current one is marked and kept in the middle. */
export function Filmstrip({ images, current, untitled, onPick }: FilmstripProps) {
  const { t } = useTranslation('viewer');
  const listRef = useRef<HTMLOListElement>(null);
  const start = Math.max(0, current - reach);
  const shown = images.slice(start, current + reach + 1);

  useLayoutEffect(() => {
    const list = listRef.current;
    const item = list?.querySelector<HTMLElement>('[aria-current="true"]');
    if (!list || !item) return;
    list.scrollLeft = item.offsetLeft - (list.clientWidth - item.offsetWidth) / 2;
  }, [current, shown.length]);

  if (images.length < 2) return null;
  return (
    <nav className="filmstrip" aria-label={t('filmstrip')}>
      <ol ref={listRef} className="filmstrip__list">
        {shown.map((image, offset) => {
          const isCurrent = start + offset === current;
          const name = imageName(image, untitled);
          return (
            <li key={image.id}>
              <button
                type="button"
                className="filmstrip__item"
                aria-current={isCurrent}
                aria-label={name}
                title={name}
                tabIndex={isCurrent ? 0 : -1}
                onClick={() => {
                  onPick(image);
                }}
              >
                <PreviewImage image={image} src={image.thumbSrc} alt="" decoding="async" draggable={false} />
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
