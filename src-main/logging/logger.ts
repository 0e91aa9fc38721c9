import { readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import electronLog from 'electron-log/node';

/** What main, the CLI and the job engine write to; handed to each, never imported as a global. */
export interface Logger {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export interface FileLoggerOptions {
  /** The user-data folder's `logs/`. */
  dir: string;
  /** `main.log` for the app, `cli.log` for the command line: two processes never share a file. */
  fileName: string;
  /** A file past this size is rotated. */
  maxBytes?: number;
  /** Rotated files kept beside the current one (`main.1.log` is the newest). */
  keep?: number;
  /** Also print warnings and errors to the console (development runs, test output). */
  console?: boolean;
}

export interface FileLogger extends Logger {
  readonly file: string;
}

/** Renames `name.log` to `name.1.log`, shifting older ones up and dropping the oldest past `keep`. */
export function rotateLogFiles(file: string, keep: number): void {
  const { dir, name, ext } = path.parse(file);
  const numbered = (index: number) => path.join(dir, `${name}.${index}${ext}`);
  const present = new Set(readdirSync(dir));
  for (let index = keep; index >= 1; index -= 1) {
    const from = index === 1 ? file : numbered(index - 1);
    if (!present.has(path.basename(from))) continue;
    if (index === keep && present.has(path.basename(numbered(keep)))) rmSync(numbered(keep), { force: true });
    renameSync(from, numbered(index));
  }
}

/**
 * A logger writing to a rotating file through electron-log (the Electron convention, and it runs in plain
 * Node too, for the CLI): each call builds its own instance, so nothing is shared between the app, the CLI
 * and tests. Writes are synchronous appends, so the line before a crash is on disk.
 */
export function createFileLogger(options: FileLoggerOptions): FileLogger {
  const file = path.join(options.dir, options.fileName);
  const keep = options.keep ?? 3;
  const log = electronLog.create({ logId: `seedream-${options.fileName}-${file}` });
  // electron-log works out default folders from the app name even when the path is given; name it, so it
  // never has to look for a package.json (there is none beside the CLI bundle).
  log.transports.file.setAppName('Seedream Studio');
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.maxSize = options.maxBytes ?? 5 * 1024 * 1024;
  log.transports.file.archiveLogFn = (current) => {
    rotateLogFiles(current.path, keep);
  };
  log.transports.console.level = options.console === true ? 'warn' : false;
  return {
    file,
    info: (message, ...details) => {
      log.info(message, ...details);
    },
    warn: (message, ...details) => {
      log.warn(message, ...details);
    },
    error: (message, ...details) => {
      log.error(message, ...details);
    },
  };
}

/** For code paths and tests that must say something somewhere but have no file. */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
