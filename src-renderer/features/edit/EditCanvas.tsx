import { useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditPoint, Region } from '../../../src-preload/contract/edit';
import { outputSize } from '../../../src-preload/contract/edit-geometry';
import { useAppStore } from '../../app/use-app-store';
import { useContentSize } from '../../hooks/use-content-size';
import { baseToOutputMatrix, baseToScreen, cropFromDrag, pointerToBase } from './canvas-geometry';
import { boxFromDraft, markFromDraft, type Draft } from './drafts';
import { MarkShapes, RegionShapes } from './MarkShapes';
import { TextEntry } from './TextEntry';
import { useCanvasPan } from './use-canvas-pan';

const zoomSteps = [1, 1.5, 2, 3, 4, 6, 8] as const;

/**
 * The base as it will be sent, fitted, zoomed and panned (by scrolling, Space+drag or a middle-button drag),
 * with the marks and regions over it.
 */
export function EditCanvas() {
  const { t } = useTranslation('edit');
  const base = useAppStore((s) => s.editBase);
  const history = useAppStore((s) => s.editHistory);
  const tool = useAppStore((s) => s.editTool);
  const color = useAppStore((s) => s.editColor);
  const width = useAppStore((s) => s.editWidth);
  const hovered = useAppStore((s) => s.editHoveredRegion);
  const changeEdit = useAppStore((s) => s.changeEdit);
  const addRegion = useAppStore((s) => s.addRegion);
  const viewport = useRef<HTMLDivElement>(null);
  const area = useContentSize(viewport);
  const pan = useCanvasPan();
  const [zoomStep, setZoomStep] = useState(0);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [textAt, setTextAt] = useState<EditPoint | null>(null);
  if (!base || !history) return null;
  const document = history.present;
  const { baseSize, transform } = document;
  const output = outputSize(baseSize, transform);
  const fit = Math.min(
    area.width > 0 ? (area.width - 32) / output.width : 1,
    area.height > 0 ? (area.height - 32) / output.height : 1,
    4,
  );
  const scale = Math.max(fit, 0.01) * (zoomSteps[zoomStep] ?? 1);
  const drawn = { width: output.width * scale, height: output.height * scale };

  const onBase = (event: PointerEvent<SVGSVGElement>): EditPoint => {
    const box = event.currentTarget.getBoundingClientRect();
    return pointerToBase({ x: event.clientX, y: event.clientY }, box, output, baseSize, transform);
  };

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    const at = onBase(event);
    if (tool === 'text') {
      setTextAt(at);
      return;
    }
    if (tool === 'point') {
      addRegion({ kind: 'point', at });
      return;
    }
    event.currentTarget.setPointerCapture(event.pointerId);
    setDraft({ tool, points: [at] });
  };

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (!draft) return;
    const at = onBase(event);
    setDraft({
      ...draft,
      points: draft.tool === 'pen' ? [...draft.points, at] : [draft.points[0] ?? at, at],
    });
  };

  const onPointerUp = () => {
    if (!draft) return;
    setDraft(null);
    if (draft.tool === 'crop') {
      const [first, last] = [draft.points[0], draft.points.at(-1)];
      const crop = first && last ? cropFromDrag(first, last, baseSize) : null;
      if (crop) changeEdit((current) => ({ ...current, transform: { ...current.transform, crop } }));
      return;
    }
    if (draft.tool === 'box') {
      const box = boxFromDraft(draft);
      if (box) addRegion(box);
      return;
    }
    const mark = markFromDraft(draft, color, width);
    if (mark) changeEdit((current) => ({ ...current, marks: [...current.marks, mark] }));
  };

  const draftMark = draft ? markFromDraft(draft, color, width) : null;
  const draftBox =
    draft && (draft.tool === 'box' || draft.tool === 'crop') ? boxFromDraft({ ...draft, tool: 'box' }) : null;
  const regionName = (region: Region) => t(`regions.${region.kind}`, { id: region.id });
  const textScreen = textAt
    ? baseToScreen(textAt, { left: 0, top: 0, ...drawn }, output, baseSize, transform)
    : null;

  return (
    <div className="edit-canvas">
      <div className="edit-canvas__zoom" role="group" aria-label={t('zoom.label')}>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setZoomStep(0);
          }}
        >
          {t('zoom.fit')}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={zoomStep === 0}
          onClick={() => {
            setZoomStep((current) => Math.max(0, current - 1));
          }}
        >
          {t('zoom.out')}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={zoomStep === zoomSteps.length - 1}
          onClick={() => {
            setZoomStep((current) => Math.min(zoomSteps.length - 1, current + 1));
          }}
        >
          {t('zoom.in')}
        </button>
        <span className="edit-canvas__scale">{Math.round(scale * 100)}%</span>
      </div>
      <div
        className="edit-canvas__viewport"
        ref={viewport}
        data-pan={pan.state ?? undefined}
        {...pan.handlers}
      >
        <div className="edit-canvas__stage" style={{ width: drawn.width, height: drawn.height }}>
          <svg
            className={`edit-canvas__svg edit-canvas__svg--${tool}`}
            role="img"
            aria-label={t('canvas.label', { width: output.width, height: output.height })}
            width={drawn.width}
            height={drawn.height}
            viewBox={`0 0 ${output.width} ${output.height}`}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={() => {
              setDraft(null);
            }}
          >
            <g transform={baseToOutputMatrix(baseSize, transform)}>
              <image href={base.src} width={baseSize.width} height={baseSize.height} />
              <MarkShapes
                marks={draftMark ? [...document.marks, draftMark] : document.marks}
                base={baseSize}
              />
              <RegionShapes regions={document.regions} highlighted={hovered} label={regionName} />
              {draftBox && (
                <rect
                  className={draft?.tool === 'crop' ? 'edit-crop-draft' : 'edit-region'}
                  x={Math.min(draftBox.from.x, draftBox.to.x)}
                  y={Math.min(draftBox.from.y, draftBox.to.y)}
                  width={Math.abs(draftBox.to.x - draftBox.from.x)}
                  height={Math.abs(draftBox.to.y - draftBox.from.y)}
                  vectorEffect="non-scaling-stroke"
                />
              )}
            </g>
          </svg>
          {textAt && textScreen && (
            <TextEntry
              at={textScreen}
              onDone={(text) => {
                setTextAt(null);
                if (text === null) return;
                changeEdit((current) => ({
                  ...current,
                  marks: [...current.marks, { kind: 'text', at: textAt, text, color, width }],
                }));
              }}
            />
          )}
        </div>
      </div>
    </div>
  );
}
