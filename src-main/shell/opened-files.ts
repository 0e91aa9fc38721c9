import path from 'node:path';

/** What the app offers to open ("Open with Seedream Studio"): the formats a reference may come in. */
export const openableExtensions = [
  'png',
  'jpg',
  'jpeg',
  'webp',
  'bmp',
  'gif',
  'tif',
  'tiff',
  'heic',
  'heif',
  'avif',
] as const;

function isOpenable(file: string): boolean {
  const extension = path.extname(file).slice(1).toLowerCase();
  return (openableExtensions as readonly string[]).includes(extension);
}

/**
 * The image files on a command line, as Windows and Linux pass them ("Open with", a drop on the icon): every
 * argument after the program that is not a switch and names an image, made absolute against `cwd`. The app's
 * own folder in development (`electron .`) and Chromium's switches are skipped by the same rule.
 */
export function filesFromArgv(argv: readonly string[], cwd: string): string[] {
  return argv
    .slice(1)
    .filter((argument) => !argument.startsWith('-') && isOpenable(argument))
    .map((argument) => path.resolve(cwd, argument));
}

/** What a second start hands to the first: its files, resolved where it was started. */
export interface SecondStartData {
  files: string[];
}

/**
 * The files a second start sent. Chromium may reorder or add to a second start's arguments, so the files
 * travel as `additionalData` (Electron's advice); anything else in it is ignored.
 */
export function filesFromSecondStart(data: unknown): string[] {
  if (typeof data !== 'object' || data === null || !('files' in data) || !Array.isArray(data.files))
    return [];
  return data.files.filter(
    (file): file is string => typeof file === 'string' && path.isAbsolute(file) && isOpenable(file),
  );
}

/** The slice of Electron's `app` the glue uses, so tests hand in a fake. */
export interface OpenFilesApp {
  on(event: 'open-file', listener: (event: { preventDefault(): void }, file: string) => void): unknown;
  on(
    event: 'second-instance',
    listener: (event: unknown, argv: string[], workingDirectory: string, additionalData: unknown) => void,
  ): unknown;
}

export interface OpenedFiles {
  /** From now on files go to `open` at once; those that came earlier go first. */
  deliverTo(open: (files: string[]) => void): void;
}

/**
 * Collects files the OS asks the app to open: the first start's own arguments, macOS's `open-file` (Finder's
 * "Open With", a drop on the dock icon; it can come before the app is ready, so listen at once), and files a
 * second start hands over (which also brings the window forward). Until the app is ready to open them they
 * wait here.
 */
export function watchOpenedFiles(
  app: OpenFilesApp,
  { initial, focus }: { initial: readonly string[]; focus: () => void },
): OpenedFiles {
  const waiting: string[] = [...initial];
  let deliver: ((files: string[]) => void) | null = null;
  const receive = (files: readonly string[]) => {
    if (files.length === 0) return;
    if (deliver) deliver([...files]);
    else waiting.push(...files);
  };
  app.on('open-file', (event, file) => {
    event.preventDefault();
    receive([file]);
  });
  app.on('second-instance', (_event, _argv, _workingDirectory, additionalData) => {
    focus();
    receive(filesFromSecondStart(additionalData));
  });
  return {
    deliverTo(open) {
      deliver = open;
      receive(waiting.splice(0));
    },
  };
}
