import type { Library } from '../library/library';
import { exitCodes, type CliIo } from './cli-io';
import { cliListedImage, imageLines, type CliListedImage } from './image-output';
import { libraryDirOf, openCliLibrary } from './open-library';
import {
  commonOptions,
  flagValue,
  helpText,
  integerOption,
  parseOptions,
  stringValue,
  UsageError,
  type OptionSpecs,
} from './options';

const limitOption = {
  limit: {
    type: 'string',
    value: 'N',
    description: 'Show at most N images, newest first (1 to 1000, default 50).',
  },
} as const satisfies OptionSpecs;

export const listOptions = { ...limitOption, ...commonOptions } as const satisfies OptionSpecs;
export const checkOptions = {
  full: { type: 'boolean', description: 'Also re-read every file to compare it with its hash (slow).' },
  ...commonOptions,
} as const satisfies OptionSpecs;

const listHelp = helpText(
  'npm run cli -- library list [--limit N] [--library DIR] [--json]',
  'Lists the newest images of the library. With --json: an array of {id, path, sha256, width, height, prompt, model, createdAt}.',
  listOptions,
);
const searchHelp = helpText(
  'npm run cli -- library search TEXT [--limit N] [--library DIR] [--json]',
  'Finds images by their prompt: English words (any form: cats finds cat) and Chinese text of any length.\nSeveral words must all match. Output as for `library list`.',
  listOptions,
);
const checkHelp = helpText(
  'npm run cli -- library check [--full] [--library DIR] [--json]',
  [
    'Compares the catalog with the files: images whose file is missing are marked, files no image refers to are',
    'moved to the recovered folder, and with --full files whose content changed are marked. Nothing is deleted.',
    'Exit status 0 when the check ran (its findings are in the report), 1 when it could not run.',
  ].join('\n'),
  checkOptions,
);

async function withLibrary<T>(
  option: string | undefined,
  io: CliIo,
  use: (library: Library) => Promise<T> | T,
) {
  const library = await openCliLibrary(libraryDirOf(option, io), false, io);
  try {
    return await use(library);
  } finally {
    library.close();
  }
}

function printImages(io: CliIo, images: CliListedImage[], json: boolean): void {
  io.stdout(json ? `${JSON.stringify(images)}\n` : imageLines(images));
}

export async function runList(args: readonly string[], io: CliIo, search: boolean): Promise<number> {
  const parsed = parseOptions(args, listOptions, search);
  if (flagValue(parsed, 'help')) {
    io.stdout(search ? searchHelp : listHelp);
    return exitCodes.ok;
  }
  const query = parsed.positionals.join(' ').trim();
  if (search && query === '') throw new UsageError('Say what to search for: library search TEXT.');
  const limit = integerOption('limit', stringValue(parsed, 'limit'), 1, 1000) ?? 50;
  const images = await withLibrary(stringValue(parsed, 'library'), io, (library) =>
    library.images
      .list({ query: search ? query : undefined, limit })
      .items.map((image) => cliListedImage(image, library.filePath(image))),
  );
  printImages(io, images, flagValue(parsed, 'json'));
  return exitCodes.ok;
}

export async function runCheck(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseOptions(args, checkOptions, false);
  if (flagValue(parsed, 'help')) {
    io.stdout(checkHelp);
    return exitCodes.ok;
  }
  const report = await withLibrary(stringValue(parsed, 'library'), io, (library) =>
    library.check(flagValue(parsed, 'full')),
  );
  if (flagValue(parsed, 'json')) {
    io.stdout(`${JSON.stringify(report)}\n`);
    return exitCodes.ok;
  }
  const summary = [
    `Checked ${report.images} images and ${report.files} files${report.full ? ' (full: contents re-hashed)' : ''}.`,
    `Missing files: ${report.missingFiles}. Orphan files moved to recovered: ${report.orphanFiles}.`,
    report.full
      ? `Files whose content changed: ${report.wrongHashes}. Thumbnails remade: ${report.missingThumbnails}.`
      : null,
    `Expired downloads marked lost: ${report.lostDownloads}. Repaired: ${report.repaired}.`,
    report.catalog === null ? null : `Catalog: ${report.catalog}.`,
    ...report.details,
  ].filter((line): line is string => line !== null);
  io.stdout(`${summary.join('\n')}\n`);
  return exitCodes.ok;
}
