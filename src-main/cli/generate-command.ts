import path from 'node:path';
import { aboutFile, AppFailure, appError } from '../../src-preload/contract/errors';
import type { GenerationRequest } from '../../src-preload/contract/generation';
import type { Usage } from '../../src-preload/contract/library-types';
import { prepareReference } from '../generation/references';
import { createGenerationJobs } from '../jobs/generation-jobs';
import { resumeInterrupted } from '../jobs/recover-interrupted';
import type { Library } from '../library/library';
import { readImageFile } from '../media/read-image-file';
import { createHttpClient, type HttpClient } from '../network/http-client';
import { environmentProxy } from '../network/proxy-choice';
import { trustedCertificates } from '../network/trust-store';
import { exitCodes, type CliIo } from './cli-io';
import { gatewayOf, generateHelp, generateOptions, requestFrom, type Gateway } from './generate-options';
import { connectionFor } from './connection';
import { progressReporter } from './generate-progress';
import { cliImage, type CliImage } from './image-output';
import { libraryDirOf, openCliLibrary } from './open-library';
import { flagValue, parseOptions, stringList, stringValue, type ParsedOptions } from './options';

export { generateOptions } from './generate-options';

/** Each reference is checked and, when the API would refuse it, converted; then stored like any import. */
async function storeReferences(library: Library, files: readonly string[], io: CliIo): Promise<number[]> {
  const ids: number[] = [];
  for (const file of files) {
    const bytes = await readImageFile(file);
    const prepared = await prepareReference(library.context.codec, bytes).catch((error: unknown) => {
      throw error instanceof AppFailure ? new AppFailure(aboutFile(file, error.appError)) : error;
    });
    if (prepared.notice !== null) io.stderr(`${path.basename(file)}: ${prepared.notice}\n`);
    const [outcome] = await library.importFiles([{ name: path.basename(file), bytes: prepared.data }]);
    if (!outcome?.image)
      throw new AppFailure(outcome?.error ?? appError('storage-failed', `${file} could not be stored.`));
    ids.push(outcome.image.id);
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
  const gateway = gatewayOf(parsed, io);
  // The command line follows HTTPS_PROXY / HTTP_PROXY / NO_PROXY, as curl does.
  const http = createHttpClient({
    proxy: environmentProxy(io.env),
    certificates: () => trustedCertificates(),
  });
  try {
    return await generate(parsed, request, { io, gateway, http });
  } finally {
    await http.close();
  }
}

async function generate(
  parsed: ParsedOptions,
  request: GenerationRequest,
  { io, gateway, http }: { io: CliIo; gateway: Gateway; http: HttpClient },
): Promise<number> {
  const json = flagValue(parsed, 'json');
  const connection = await connectionFor(io, gateway, http);
  const library = await openCliLibrary(libraryDirOf(stringValue(parsed, 'library'), io), true, io);
  try {
    await resumeInterrupted(library, { http, signal: io.signal });
    const referenceIds = await storeReferences(library, stringList(parsed, 'ref'), io);
    const jobs = createGenerationJobs(library, {
      http,
      connection: () => Promise.resolve(connection),
      log: io.log,
    });
    jobs.subscribe(progressReporter(io, library));
    const started = await jobs.start(request, referenceIds);
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
