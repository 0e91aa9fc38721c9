import path from 'node:path';
import { AppFailure, appError } from '../../src-preload/contract/errors';
import type { Usage } from '../../src-preload/contract/library-types';
import type { GenerationJobs, JobSnapshot } from '../jobs/generation-jobs';
import { resumeInterrupted } from '../jobs/recover-interrupted';
import { storeReference } from '../jobs/store-reference';
import type { Library } from '../library/library';
import { readImageFile } from '../media/read-image-file';
import { createHttpClient, type HttpClient } from '../network/http-client';
import { environmentProxy } from '../network/proxy-choice';
import { trustedCertificates } from '../network/trust-store';
import { readSettingsFile } from '../settings/settings-store';
import { settingsFile } from './app-dirs';
import { cliJobs } from './cli-jobs';
import { exitCodes, type CliIo } from './cli-io';
import { gatewayOf, generateHelp, generateOptions, requestFrom, type Gateway } from './generate-options';
import { connectionFor } from './connection';
import { progressReporter } from './generate-progress';
import { cliImage, type CliImage } from './image-output';
import { libraryDirOf, openCliLibrary } from './open-library';
import { flagValue, parseOptions, stringList, stringValue, type ParsedOptions } from './options';

export { generateOptions } from './generate-options';

/** Each reference is checked and, when the API would refuse it, converted; then stored like any import. */
export async function storeReferences(
  library: Library,
  files: readonly string[],
  io: CliIo,
): Promise<number[]> {
  const ids: number[] = [];
  for (const file of files) {
    const stored = await storeReference(
      { codec: library.context.codec, library },
      file,
      await readImageFile(file),
    );
    if (stored.notice !== null) io.stderr(`${path.basename(file)}: ${stored.notice}\n`);
    ids.push(stored.image.id);
  }
  return ids;
}

export interface GenerateResult {
  generationId: number;
  images: CliImage[];
  usage: Usage | null;
}

export async function runGenerate(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseOptions(args, generateOptions, false);
  if (flagValue(parsed, 'help')) {
    io.stdout(generateHelp);
    return exitCodes.ok;
  }
  const request = requestFrom(parsed);
  return runJobCommand(parsed, io, async ({ library, jobs }) =>
    jobs.start(request, await storeReferences(library, stringList(parsed, 'ref'), io)),
  );
}

/** What a command starts its one job with, once the key, the library and the jobs are ready. */
export type StartJob = (services: { library: Library; jobs: GenerationJobs }) => Promise<JobSnapshot>;

/**
 * The part `generate` and `edit` share: the gateway and key, the library (finishing interrupted downloads
 * first), one job started by `start`, progress on standard error, and the saved files (or JSON) at the end.
 */
export async function runJobCommand(parsed: ParsedOptions, io: CliIo, start: StartJob): Promise<number> {
  const gateway = gatewayOf(parsed, io);
  // The command line follows HTTPS_PROXY / HTTP_PROXY / NO_PROXY, as curl does.
  const http = createHttpClient({
    proxy: environmentProxy(io.env),
    certificates: () => trustedCertificates(),
  });
  try {
    return await runJob(parsed, start, { io, gateway, http });
  } finally {
    await http.close();
  }
}

async function runJob(
  parsed: ParsedOptions,
  start: StartJob,
  { io, gateway, http }: { io: CliIo; gateway: Gateway; http: HttpClient },
): Promise<number> {
  const json = flagValue(parsed, 'json');
  const connection = await connectionFor(io, gateway, http);
  const library = await openCliLibrary(libraryDirOf(stringValue(parsed, 'library'), io), true, io);
  try {
    await resumeInterrupted(library, { http, signal: io.signal });
    const jobs = await cliJobs(library, {
      io,
      gateway,
      http,
      connection,
      settings: readSettingsFile(settingsFile(io)),
    });
    jobs.subscribe(progressReporter(io, library));
    const started = await start({ library, jobs });
    const cancel = () => jobs.cancel(started.jobId);
    io.signal.addEventListener('abort', cancel);
    const done = await jobs.finished(started.jobId);
    io.signal.removeEventListener('abort', cancel);
    if (done.phase === 'cancelled') {
      io.stderr(`Cancelled. What was saved stays in the library (generation ${done.generationId}).\n`);
      return exitCodes.interrupted;
    }
    const saved = done.slots.flatMap((slot) => (slot.image ? [slot.image] : []));
    if (saved.length === 0) {
      throw new AppFailure(done.error ?? appError('server-error', 'No image was saved.'));
    }
    const result: GenerateResult = {
      generationId: done.generationId,
      images: saved.map((image) => cliImage(image, library.filePath(image))),
      usage: done.usage,
    };
    if (json) io.stdout(`${JSON.stringify(result)}\n`);
    else {
      io.stdout(result.images.map((image) => `${image.path}\n`).join(''));
      if (done.error) io.stderr(`Warning: ${done.error.message}\n`);
    }
    return exitCodes.ok;
  } finally {
    library.close();
  }
}
