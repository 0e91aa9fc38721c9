import { transparencyClass } from '../../components/PreviewImage';
import { useLayoutEffect, useRef, type CSSProperties, type PointerEvent } from 'react';
import type { LibraryImage } from '../../../src-preload/contract/library-types';
import { useContentSize } from '../../hooks/use-content-size';
import { centreOf, scrollFor, type Centre, type Size } from './zoom';

interface ZoomStageProps {
  image: LibraryImage;
  alt: string;
  /** Screen pixels per image pixel. */
  scale: number;
  /** The image point kept in the middle of the stage; zooming keeps it there, scrolling moves it. */
  centre: Centre;
  onCentreChange: (centre: Centre) => void;
  /** The stage's size, so its owner can work out the fitted scale. */
  onViewport?: (size: Size) => void;
  onDoubleClick?: () => void;
  className?: string;
  /** A CSS clip path for the whole stage (the upper layer of the before/after slider). */
  clip?: string;
}

function sameCentre(a: Centre, b: Centre): boolean {
  return Math.abs(a.x - b.x) < 1e-4 && Math.abs(a.y - b.y) < 1e-4;
}

/**
 * One image at a given scale inside a scrolling box. Smaller than the box it sits in the middle (letterboxed,
 * never cropped); larger, the box scrolls around `centre`, which it keeps in view as the scale changes, and a
 * drag pans. The 1024 px preview shows at once underneath while the full-size file loads.
 */
export function ZoomStage({
  image,
  alt,
  scale,
  centre,
  onCentreChange,
  onViewport,
  onDoubleClick,
  className,
  clip,
}: ZoomStageProps) {
  const ref = useRef<HTMLDivElement>(null);
  const viewport = useContentSize(ref);
  const content: Size = { width: image.width * scale, height: image.height * scale };
  const drag = useRef<{ x: number; y: number } | null>(null);

  useLayoutEffect(() => {
    if (viewport.width > 0) onViewport?.(viewport);
  }, [viewport, onViewport]);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || viewport.width === 0) return;
    const { left, top } = scrollFor(content, viewport, centre);
    if (Math.abs(element.scrollLeft - left) >= 1) element.scrollLeft = left;
    if (Math.abs(element.scrollTop - top) >= 1) element.scrollTop = top;
  });

  const onScroll = () => {
    const element = ref.current;
    if (!element || viewport.width === 0) return;
    const next = centreOf(content, viewport, { left: element.scrollLeft, top: element.scrollTop });
    if (!sameCentre(next, centre)) onCentreChange(next);
  };

  const pannable = content.width > viewport.width || content.height > viewport.height;
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (!pannable || event.button !== 0) return;
    drag.current = { x: event.clientX, y: event.clientY };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    const element = ref.current;
    if (!start || !element) return;
    element.scrollLeft -= event.clientX - start.x;
    element.scrollTop -= event.clientY - start.y;
    drag.current = { x: event.clientX, y: event.clientY };
  };
  const endDrag = () => {
    drag.current = null;
  };

  const canvas: CSSProperties = {
    width: Math.max(content.width, viewport.width),
    height: Math.max(content.height, viewport.height),
  };
  const picture: CSSProperties = {
    width: content.width,
    height: content.height,
    backgroundImage: `url("${image.previewSrc}")`,
    // Until the stage is measured the scale is a guess; the image waits rather than flashing at it.
    opacity: viewport.width > 0 ? 1 : 0,
  };
  return (
    <div
      ref={ref}
      className={`zoom-stage${pannable ? ' zoom-stage--pannable' : ''}${className ? ` ${className}` : ''}`}
      style={clip ? { clipPath: clip } : undefined}
      tabIndex={-1}
      onScroll={onScroll}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onDoubleClick={onDoubleClick}
    >
      <div className="zoom-stage__canvas" style={canvas}>
        <img
          key={image.id}
          className={transparencyClass(image, 'zoom-stage__image')}
          src={image.src}
          alt={alt}
          width={image.width}
          height={image.height}
          style={picture}
          draggable={false}
        />
      </div>
    </div>
  );
}
