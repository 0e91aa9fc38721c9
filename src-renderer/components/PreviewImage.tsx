import { useState, type ImgHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryImage } from '../../src-preload/contract/library-types';

type PreviewImageProps = Omit<ImgHTMLAttributes<HTMLImageElement>, 'src' | 'alt'> & {
  image: Pick<LibraryImage, 'previewProblem' | 'format'>;
  src: string;
  alt: string;
};

/**
 * PNGs may be transparent (Seedream 5.5's transparent backgrounds): drawn over a checkerboard, their see-through
 * parts read as such instead of as the page's colour. An opaque PNG covers the pattern entirely.
 */
export function transparencyClass(
  image: Pick<LibraryImage, 'format'>,
  className?: string,
): string | undefined {
  if (image.format !== 'png') return className;
  return className ? `${className} checkerboard` : 'checkerboard';
}

/** Why there is no picture, in the user's language; only cells without a preview pay for the translation. */
function MissingPreview({
  problem,
  alt,
  className,
}: {
  problem: string | null;
  alt: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const reason = problem ?? t('preview.unavailable');
  return (
    <span
      role="img"
      aria-label={`${alt}. ${reason}`}
      title={reason}
      className={`preview-missing ${className ?? ''}`}
    >
      <span aria-hidden="true">{t('preview.none')}</span>
    </span>
  );
}

/**
 * A thumbnail or preview of a library image, or, when there is none to show, a plain "No preview" panel that
 * says why on hover (the reason the library recorded) instead of a broken picture. The picture itself asks for
 * no translation: grids mount dozens of these a frame while scrolling.
 */
export function PreviewImage({ image, src, alt, className, ...rest }: PreviewImageProps) {
  // Keyed by the address, so a new thumbnail made on request gets its own chance to load.
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  if (image.previewProblem !== null || failedSrc === src) {
    return <MissingPreview problem={image.previewProblem} alt={alt} className={className} />;
  }
  return (
    <img
      {...rest}
      className={transparencyClass(image, className)}
      src={src}
      alt={alt}
      onError={() => {
        setFailedSrc(src);
      }}
    />
  );
}
