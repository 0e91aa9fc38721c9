import type { ImageSize, Mark, Region } from '../../../src-preload/contract/edit';
import { markShapes, type ShapePrimitive } from '../../../src-preload/contract/edit-shapes';
import { markFontAt } from '../../dom/text-picture';

function Primitive({ shape }: { shape: ShapePrimitive }) {
  switch (shape.type) {
    case 'path':
      return shape.stroke === null ? (
        <path d={shape.d} fill={shape.fill} />
      ) : (
        <path
          d={shape.d}
          fill={shape.fill}
          stroke={shape.stroke}
          strokeWidth={shape.strokeWidth}
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      );
    case 'rect':
      return (
        <rect
          x={shape.x}
          y={shape.y}
          width={shape.width}
          height={shape.height}
          fill="none"
          stroke={shape.stroke}
          strokeWidth={shape.strokeWidth}
          strokeLinejoin="round"
        />
      );
    case 'ellipse':
      return (
        <ellipse
          cx={shape.cx}
          cy={shape.cy}
          rx={shape.rx}
          ry={shape.ry}
          fill="none"
          stroke={shape.stroke}
          strokeWidth={shape.strokeWidth}
        />
      );
    case 'text':
      return (
        <text x={shape.x} y={shape.y} fill={shape.fill} style={{ font: markFontAt(shape.fontSize) }}>
          {shape.text}
        </text>
      );
  }
}

/** Marks drawn from the same primitives main flattens, in base pixels. */
export function MarkShapes({ marks, base }: { marks: readonly Mark[]; base: ImageSize }) {
  return (
    <g className="edit-marks">
      {marks.map((mark, index) =>
        markShapes(mark, base).map((shape, part) => <Primitive key={`${index}-${part}`} shape={shape} />),
      )}
    </g>
  );
}

/** Regions as outlines that stay thin at any zoom; the hovered one stands out. */
export function RegionShapes({
  regions,
  highlighted,
  label,
}: {
  regions: readonly Region[];
  highlighted: number | null;
  label: (region: Region) => string;
}) {
  return (
    <g className="edit-regions">
      {regions.map((region) => {
        const className = `edit-region${region.id === highlighted ? ' edit-region--highlighted' : ''}`;
        if (region.kind === 'point') {
          return (
            <g key={region.id} className={className} data-region={label(region)}>
              <circle cx={region.at.x} cy={region.at.y} r={6} vectorEffect="non-scaling-stroke" />
              <line
                x1={region.at.x}
                y1={region.at.y}
                x2={region.at.x}
                y2={region.at.y}
                vectorEffect="non-scaling-stroke"
              />
            </g>
          );
        }
        return (
          <rect
            key={region.id}
            className={className}
            data-region={label(region)}
            x={Math.min(region.from.x, region.to.x)}
            y={Math.min(region.from.y, region.to.y)}
            width={Math.abs(region.to.x - region.from.x)}
            height={Math.abs(region.to.y - region.from.y)}
            vectorEffect="non-scaling-stroke"
          />
        );
      })}
    </g>
  );
}
