import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseBatchCsv } from '../../src-preload/contract/batch-csv';
import { generationRequestSchema } from '../../src-preload/contract/generation';
import { defaultModelId } from '../../src-preload/contract/models';
import { maxQueueAdd, type QueueEntry } from '../../src-preload/contract/queue';
import { createQueueRunner, type QueueRunner } from '../jobs/queue-runner';
import { createRequestPacer } from '../jobs/request-pacer';
import { resumeInterrupted } from '../jobs/recover-interrupted';
import type { Library } from '../library/library';
import type { QueueRecord } from '../library/queue-store';
import { createHttpClient } from '../network/http-client';
import { environmentProxy } from '../network/proxy-choice';
import { trustedCertificates } from '../network/trust-store';
import { readSettingsFile } from '../settings/settings-store';
import { settingsFile } from './app-dirs';
import { exitCodes, type CliIo } from './cli-io';
import { cliJobs } from './cli-jobs';
import { connectionFor } from './connection';
import { gatewayOf, generateOptions } from './generate-options';
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

export const batchOptions = {
  file: {
    type: 'string',
    value: 'FILE',
    description:
      'A .csv file whose header names request fields (prompt, model, size, max_images...), or a text file with one prompt per line (required).',
  },
  model: {
    type: 'string',
    value: 'ID',
    description: `Model for rows that name none (default ${defaultModelId}).`,
  },
  'skip-bad-rows': {
    type: 'boolean',
    description: 'Queue the rows that are fine even when others are not (they are listed either way).',
  },
  'queue-only': {
    type: 'boolean',
    description: 'Add the requests to the queue and exit; the app runs them when it is open.',
  },
  concurrency: {
    type: 'string',
    value: 'N',
    description: "Requests sent at once, 1 to 8 (default: the app's setting, 2).",
  },
  'base-url': generateOptions['base-url'],
  ...commonOptions,
} as const satisfies OptionSpecs;

export const batchHelp = helpText(
  'npm run cli -- batch --file FILE [options]',
  [
    "Adds one request per row (or line) to the app's queue and runs them, a few at a time; the app shows the",
    'queue while it runs. A request that may have been sent when the command was stopped is marked "outcome',
    'unknown" and never sent again by itself; unsent ones stay queued for the app or the next run.',
    'Exit status: 0 when every request finished, 1 when some failed or their outcome is unknown, 2 for a usage',
    'mistake or a bad file, 130 when interrupted with Ctrl-C.',
  ].join('\n'),
  batchOptions,
);

/** Files larger than this are refused before reading: 500 requests of 10 000 characters fit well inside. */
const maxBatchFileBytes = 10 * 1024 * 1024;

/** The requests of a batch file; bad rows are usage errors unless `skipBad`, and are listed on stderr anyway. */
async function entriesOf(file: string, model: string, skipBad: boolean, io: CliIo): Promise<QueueEntry[]> {
  const info = await stat(file).catch(() => {
    throw new UsageError(`--file: ${file} cannot be read.`);
  });
  if (!info.isFile()) throw new UsageError(`--file: ${file} is not a regular file.`);
  if (info.size > maxBatchFileBytes) throw new UsageError(`--file: ${file} is larger than 10 MB.`);
  const text = await readFile(file, 'utf8');
  let entries: QueueEntry[];
  let problems: string[];
  if (path.extname(file).toLowerCase() === '.csv') {
    const batch = parseBatchCsv(text, { model });
    entries = batch.rows.map((row) => ({ request: row.request, referenceIds: [] }));
    problems = batch.problems.map((problem) => problem.message);
  } else {
    const lines = text.replace(/^\uFEFF/u, '').split(/\r?\n/u);
    entries = [];
    problems = [];
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      const parsed = generationRequestSchema.safeParse({ model, prompt: line.trim() });
      if (parsed.success) entries.push({ request: parsed.data, referenceIds: [] });
      else problems.push(`Line ${index + 1}: ${parsed.error.issues[0]?.message ?? 'not a valid request'}.`);
    });
  }
  for (const problem of problems) io.stderr(`${problem}\n`);
  if (problems.length > 0 && !skipBad) {
    throw new UsageError(`${file} has ${problems.length} bad row(s); fix them or pass --skip-bad-rows.`);
  }
  if (entries.length === 0) throw new UsageError(`${file} has no request to queue.`);
  if (entries.length > maxQueueAdd) {
    throw new UsageError(
      `${file} has ${entries.length} requests; at most ${maxQueueAdd} can be queued at once.`,
    );
  }
  return entries;
}

interface BatchItemResult {
  id: number;
  prompt: string;
  state: QueueRecord['state'];
  generationId: number | null;
  saved: number;
  error: string | null;
}

function itemResult(item: QueueRecord): BatchItemResult {
  return {
    id: item.id,
    prompt: item.request?.prompt ?? '',
    state: item.state,
    generationId: item.generationId,
    saved: item.saved,
    error: item.error?.message ?? null,
  };
}

/**
 * Waits until no item of the batch waits or runs, here or in the app, telling stderr as each one ends; or until
 * `stalled` (the runner paused itself) or Ctrl-C.
 */
async function followBatch(
  library: Library,
  ids: readonly number[],
  io: CliIo,
  runner: Pick<QueueRunner, 'poke' | 'pausedReason' | 'active'>,
) {
  const told = new Set<number>();
  for (;;) {
    runner.poke();
    const items = ids.flatMap((id) => library.queue.item(id) ?? []);
    for (const item of items) {
      if (told.has(item.id) || item.state === 'waiting' || item.state === 'running') continue;
      told.add(item.id);
      const detail = item.error ? `: ${item.error.message}` : `, ${item.saved} image(s)`;
      io.stderr(
        `[${told.size}/${ids.length}] ${item.state}: ${item.request?.prompt.slice(0, 60) ?? ''}${detail}\n`,
      );
    }
    if (items.every((item) => item.state !== 'waiting' && item.state !== 'running')) return items;
    if (io.signal.aborted || (runner.pausedReason() !== null && runner.active() === 0)) return items;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function runBatch(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseOptions(args, batchOptions, false);
  if (flagValue(parsed, 'help')) {
    io.stdout(batchHelp);
    return exitCodes.ok;
  }
  const file = stringValue(parsed, 'file');
  if (file === undefined) throw new UsageError('--file is required.');
  const settings = readSettingsFile(settingsFile(io));
  const concurrency =
    integerOption('concurrency', stringValue(parsed, 'concurrency'), 1, 8) ?? settings.queueConcurrency;
  const gateway = gatewayOf(parsed, io);
  const entries = await entriesOf(
    file,
    stringValue(parsed, 'model') ?? defaultModelId,
    flagValue(parsed, 'skip-bad-rows'),
    io,
  );
  const library = await openCliLibrary(libraryDirOf(stringValue(parsed, 'library'), io), true, io);
  const http = createHttpClient({
    proxy: environmentProxy(io.env),
    certificates: () => trustedCertificates(),
  });
  try {
    const batch = `cli-${new Date().toISOString()}-${process.pid}`;
    if (flagValue(parsed, 'queue-only')) {
      const ids = library.queue.add(entries, batch);
      io.stdout(
        flagValue(parsed, 'json')
          ? `${JSON.stringify({ batch, queued: ids })}\n`
          : `Queued ${ids.length} request(s).\n`,
      );
      return exitCodes.ok;
    }
    const connection = await connectionFor(io, gateway, http);
    await resumeInterrupted(library, { http, signal: io.signal });
    const ids = library.queue.add(entries, batch);
    io.stderr(`Queued ${ids.length} request(s); sending ${concurrency} at a time.\n`);
    const jobs = await cliJobs(library, { io, gateway, http, connection, settings });
    const runner = createQueueRunner({
      library,
      jobs,
      pacer: createRequestPacer({ limit: () => settings.queueRequestsPerMinute }),
      concurrency: () => concurrency,
      batch,
      log: io.log,
    });
    await runner.start();
    const items = await followBatch(library, ids, io, runner);
    if (io.signal.aborted) {
      await runner.stop(0);
      io.stderr('Stopped. Requests not sent stay in the queue; the app runs them when it is open.\n');
      return exitCodes.interrupted;
    }
    const results = items.map(itemResult);
    if (flagValue(parsed, 'json')) io.stdout(`${JSON.stringify({ batch, items: results })}\n`);
    else io.stdout(`${results.filter((item) => item.state === 'done').length} of ${results.length} done.\n`);
    const pausedBy = runner.pausedReason();
    if (pausedBy !== null) {
      io.stderr(`Error: ${pausedBy} The requests not sent stay in the queue.\n`);
      return exitCodes.failed;
    }
    return results.every((item) => item.state === 'done') ? exitCodes.ok : exitCodes.failed;
  } finally {
    library.close();
    await http.close();
  }
}
