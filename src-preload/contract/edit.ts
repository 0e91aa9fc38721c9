import { z } from 'zod';

/**
 * An edit as data: marks drawn on the base, regions named in the prompt, and the crop, rotation and flips, all
 * in the base image's own pixel coordinates (x to the right, y down, from its top-left corner). The renderer
 * draws from this, main flattens from this, and the library stores this, so "Reopen edit" restores exactly
 * what was sent.
 */

/** Far outside any image: a point a little off the picture is fine (it is clamped), a billion is not. */
const coordinate = z.number().min(-100_000).max(100_000);
export const editPointSchema = z.object({ x: coordinate, y: coordinate });
export type EditPoint = z.infer<typeof editPointSchema>;

/** The few colours the toolbar offers; marks are meant to be seen, not to blend in. */
export const markColors = ['#ff3b30', '#ffcc00', '#34c759', '#0a84ff', '#ffffff', '#000000'] as const;
export const markColorSchema = z.enum(markColors);
export type MarkColor = z.infer<typeof markColorSchema>;

/** Stroke widths as a share of the base's longer side, so a mark looks the same on a small or a 4K base. */
export const markWidths = { thin: 0.004, medium: 0.008, thick: 0.016 } as const;
export type MarkWidth = keyof typeof markWidths;
export const markWidthSchema = z.enum(['thin', 'medium', 'thick']);

/** Stroke width in base pixels, never under 2 so a thin mark on a small base still shows. */
export function strokePixels(width: MarkWidth, base: ImageSize): number {
  return Math.max(2, Math.round(markWidths[width] * Math.max(base.width, base.height)));
}

const stroke = { color: markColorSchema, width: markWidthSchema };

export const maxPenPoints = 5_000;
export const maxTextLength = 200;

export const markSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pen'), points: z.array(editPointSchema).min(1).max(maxPenPoints), ...stroke }),
  z.object({ kind: z.literal('arrow'), from: editPointSchema, to: editPointSchema, ...stroke }),
  /** A rectangle or an ellipse is given by two opposite corners of its bounding box, as it was dragged. */
  z.object({ kind: z.literal('rectangle'), from: editPointSchema, to: editPointSchema, ...stroke }),
  z.object({ kind: z.literal('ellipse'), from: editPointSchema, to: editPointSchema, ...stroke }),
  z.object({
    kind: z.literal('text'),
    /** The left end of the text's baseline. */
    at: editPointSchema,
    text: z.string().trim().min(1, 'A text mark needs some text.').max(maxTextLength),
    color: markColorSchema,
    width: markWidthSchema,
  }),
]);
export type Mark = z.infer<typeof markSchema>;
export type MarkKind = Mark['kind'];

/** Regions carry a stable id: the prompt names them by it, so deleting one never renumbers the others. */
const regionId = z.number().int().min(1).max(999);
export const regionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('point'), id: regionId, at: editPointSchema }),
  z.object({ kind: z.literal('box'), id: regionId, from: editPointSchema, to: editPointSchema }),
]);
export type Region = z.infer<typeof regionSchema>;

export const imageSizeSchema = z.object({
  width: z.number().int().positive().max(100_000),
  height: z.number().int().positive().max(100_000),
});
export type ImageSize = z.infer<typeof imageSizeSchema>;

export const cropSchema = z.object({
  x: z.number().int().nonnegative(),
  y: z.number().int().nonnegative(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type Crop = z.infer<typeof cropSchema>;

/** Applied in this order: crop (in base pixels), turn clockwise by quarter turns, then the flips. */
export const baseTransformSchema = z.object({
  crop: cropSchema.nullable(),
  quarterTurns: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  flipHorizontal: z.boolean(),
  flipVertical: z.boolean(),
});
export type BaseTransform = z.infer<typeof baseTransformSchema>;

export const identityTransform: BaseTransform = {
  crop: null,
  quarterTurns: 0,
  flipHorizontal: false,
  flipVertical: false,
};

export const maxMarks = 500;
export const maxRegions = 50;

/** The edit itself, as drawn: what is stored with the generation and restored by "Reopen edit". */
export const editDocumentSchema = z.object({
  /** The size the marks were drawn on; main refuses an edit whose base is not this size. */
  baseSize: imageSizeSchema,
  marks: z.array(markSchema).max(maxMarks),
  regions: z.array(regionSchema).max(maxRegions),
  transform: baseTransformSchema,
  /** Adds "remove the marks" to the instruction, as the provider's examples do. */
  removeMarks: z.boolean(),
});
export type EditDocument = z.infer<typeof editDocumentSchema>;

export function emptyEditDocument(baseSize: ImageSize): EditDocument {
  return { baseSize, marks: [], regions: [], transform: identityTransform, removeMarks: true };
}

/** Whether sending the edit needs a new copy of the base (marks drawn, or cropped, turned or flipped). */
export function changesPixels(document: EditDocument): boolean {
  const { transform } = document;
  return (
    document.marks.length > 0 ||
    transform.crop !== null ||
    transform.quarterTurns !== 0 ||
    transform.flipHorizontal ||
    transform.flipVertical
  );
}

/**
 * A text mark as the renderer drew it with the fonts it showed: a PNG placed at `left`, `top` in base pixels.
 * libvips built for WebAssembly (what Electron on Linux runs) has no fonts, so main cannot draw text itself.
 */
export const textLayerSchema = z.object({
  left: z.number().int().nonnegative().max(100_000),
  top: z.number().int().nonnegative().max(100_000),
  png: z
    .instanceof(Uint8Array)
    .refine((bytes) => bytes.byteLength > 0 && bytes.byteLength <= 8 * 1024 * 1024, {
      message: 'A text mark’s picture must be between 1 byte and 8 MB.',
    }),
});
export type TextLayer = z.infer<typeof textLayerSchema>;
