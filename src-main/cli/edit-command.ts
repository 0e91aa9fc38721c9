import { emptyEditDocument, type EditDocument, type Region } from '../../src-preload/contract/edit';
import { regionPlaceholder, placeholdersIn } from '../../src-preload/contract/edit-regions';
import { editRequestSize } from '../../src-preload/contract/edit-size';
import { AppFailure, appError } from '../../src-preload/contract/errors';
import { findModel } from '../../src-preload/contract/models';
import { createEditApplier } from '../jobs/apply-edit';
import { sniffImage } from '../media/image-info';
import { readImageFile } from '../media/read-image-file';
import { exitCodes, type CliIo } from './cli-io';
import { generateOptions, requestFrom } from './generate-options';
import { runJobCommand, storeReferences } from './generate-command';
import {
  flagValue,
  helpText,
  parseOptions,
  stringList,
  stringValue,
  UsageError,
  type OptionSpecs,
} from './options';

export const editOptions = {
  base: {
    type: 'string',
    value: 'FILE',
    description: 'The image to edit (required); stored in the library.',
  },
  box: {
    type: 'string',
    multiple: true,
    value: 'X1,Y1,X2,Y2',
    description:
      'A box in the base’s pixels, written into the prompt as the model’s tag (models that read them). [[box 1]] in the prompt places the first; boxes the prompt does not name go at its end.',
  },
  point: {
    type: 'string',
    multiple: true,
    value: 'X,Y',
    description: 'A point in the base’s pixels, as --box ([[point N]], numbered after the boxes).',
  },
  ...generateOptions,
  size: {
    type: 'string',
    value: 'S',
    description: 'As for generate; by default the base’s aspect ratio at about 2K pixels.',
  },
} as const satisfies OptionSpecs;

export const editHelp = helpText(
  'npm run cli -- edit --base FILE --prompt TEXT [--box X1,Y1,X2,Y2]... [options]',
  [
    'Edits an image with a Seedream model, as the Edit view does: the base goes first, the other --ref images',
    'after it, boxes and points become tags in the prompt, and the result is saved in the library, linked to',
    'its base (the app can reopen the edit). Exit status as for generate.',
  ].join('\n'),
  editOptions,
);

function numbers(option: string, text: string, count: number): number[] {
  const values = text.split(',').map((part) => Number(part.trim()));
  if (values.length !== count || values.some((value) => !Number.isFinite(value) || value < 0)) {
    const shape = count === 4 ? 'X1,Y1,X2,Y2' : 'X,Y';
    throw new UsageError(`--${option} must be ${shape} in pixels of the base, not "${text}".`);
  }
  return values;
}

/** Boxes then points, numbered in that order, in the base's pixels (scaled if the base had to be downsized). */
function regionsOf(boxes: readonly string[], points: readonly string[], scale: number): Region[] {
  const at = (x: number, y: number) => ({ x: x * scale, y: y * scale });
  const regions: Region[] = boxes.map((text, index) => {
    const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = numbers('box', text, 4);
    return { kind: 'box', id: index + 1, from: at(x1, y1), to: at(x2, y2) };
  });
  points.forEach((text, index) => {
    const [x = 0, y = 0] = numbers('point', text, 2);
    regions.push({ kind: 'point', id: boxes.length + index + 1, at: at(x, y) });
  });
  return regions;
}

/** The prompt with a placeholder for every region it does not name yet, at its end. */
function withPlaceholders(prompt: string, regions: readonly Region[]): string {
  const named = placeholdersIn(prompt);
  const missing = regions.filter(
    (region) => !named.some((found) => found.id === region.id && found.kind === region.kind),
  );
  return [prompt, ...missing.map(regionPlaceholder)].join(' ');
}

export async function runEdit(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseOptions(args, editOptions, false);
  if (flagValue(parsed, 'help')) {
    io.stdout(editHelp);
    return exitCodes.ok;
  }
  const baseFile = stringValue(parsed, 'base');
  if (baseFile === undefined) throw new UsageError('--base is required.');
  const written = requestFrom(parsed);
  const boxes = stringList(parsed, 'box');
  const points = stringList(parsed, 'point');
  regionsOf(boxes, points, 1); // usage mistakes are reported before anything is read or sent
  return runJobCommand(parsed, io, async ({ library, jobs }) => {
    const original = sniffImage(await readImageFile(baseFile));
    const [baseId = 0, ...referenceIds] = await storeReferences(
      library,
      [baseFile, ...stringList(parsed, 'ref')],
      io,
    );
    const base = library.images.image(baseId);
    if (!base) throw new AppFailure(appError('storage-failed', `${baseFile} could not be stored.`));
    const scale = original.status === 'ok' ? base.width / original.info.width : 1;
    const regions = regionsOf(boxes, points, scale);
    const document: EditDocument = {
      ...emptyEditDocument({ width: base.width, height: base.height }),
      regions,
    };
    const model = findModel(written.model);
    const size =
      stringValue(parsed, 'size') === undefined && model
        ? editRequestSize(model, document.baseSize)
        : written.size;
    const request = { ...written, size, prompt: withPlaceholders(written.prompt, regions) };
    const applier = createEditApplier({ library, jobs, codec: library.context.codec });
    const started = await applier.apply({ baseId, referenceIds, document, request, textLayers: [] });
    return started.snapshot;
  });
}
