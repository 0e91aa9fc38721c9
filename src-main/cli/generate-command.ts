import path from 'node:path';
import { aboutFile, AppFailure, appError } from '../../src-preload/contract/errors';
import {
  canonicalGatewayUrl,
  defaultGatewayUrl,
  gatewayOrigin,
  gatewayProblem,
} from '../../src-preload/contract/gateway';
import {
  generationRequestSchema,
  parseExactSize,
  type GenerationRequest,
} from '../../src-preload/contract/generation';
import { defaultModelId, modelCatalogue, sizePresetSchema } from '../../src-preload/contract/models';
import type { Usage } from '../../src-preload/contract/library-types';
import { prepareReference } from '../generation/references';
import { readImageFile } from '../media/read-image-file';
import { createKeyService } from '../keychain/key-service';
import { createKeytarStore, keychainServiceName } from '../keychain/keytar-store';
import { createGenerationJobs, type JobSnapshot } from '../jobs/generation-jobs';
import { resumeInterrupted } from '../jobs/recover-interrupted';
import { createHttpClient, type HttpClient } from '../network/http-client';
import { environmentProxy } from '../network/proxy-choice';
import { trustedCertificates } from '../network/trust-store';
import type { Library } from '../library/library';
import { readSettingsFile } from '../settings/settings-store';
import { settingsFile } from './app-dirs';
import { exitCodes, type CliIo } from './cli-io';
import { cliImage, type CliImage } from './image-output';
import { libraryDirOf, openCliLibrary } from './open-library';
import {
  choiceOption,
  commonOptions,
  flagValue,
  helpText,
  integerOption,
  numberOption,
  parseOptions,
  stringList,
  stringValue,
  UsageError,
  type OptionSpecs,
  type ParsedOptions,
} from './options';

export const generateOptions = {
  prompt: { type: 'string', value: 'TEXT', description: 'What to generate (required).' },
  model: {
    type: 'string',
    value: 'ID',
    description: `Model ID to send (default ${defaultModelId}). Known: ${modelCatalogue.map((m) => m.id).join(', ')}.`,
  },
  size: {
    type: 'string',
    value: 'S',
    description:
      'A preset the model offers (1K, 2K, 3K, 4K) or an exact WxH such as 2304x1728 (default 2048x2048).',
  },
  ref: {
    type: 'string',
    multiple: true,
    value: 'FILE',
    description: 'A reference image; repeat for several. Each is also stored in the library.',
  },
  'max-images': {
    type: 'string',
    value: 'N',
    description: 'Ask for a sequence of up to N images, 1 to 15 (default 1).',
  },
  'response-format': {
    type: 'string',
    value: 'url|b64_json',
    description: 'How the service returns the images (default url).',
  },
  'output-format': {
    type: 'string',
    value: 'png|jpeg',
    description: 'File format, for models that offer PNG (default jpeg).',
  },
  watermark: { type: 'boolean', description: 'Add the "AI Generated" mark (off unless given).' },
  seed: { type: 'string', value: 'N', description: 'Seed from -1 to 2147483647, for models that take one.' },
  'guidance-scale': {
    type: 'string',
    value: 'X',
    description: 'Guidance from 1 to 10, for models that take one.',
  },
  stream: {
    type: 'boolean',
    description: 'Save each image as soon as it is ready (models that support it).',
  },
  'base-url': {
    type: 'string',
    value: 'URL',
    description:
      "API address, https:// or http:// on this computer (default: SEEDREAM_API_BASE_URL, else the app's setting, else https://api.cometapi.com). COMETAPI_KEY is sent only to the address given here or in SEEDREAM_API_BASE_URL, or to https://api.cometapi.com.",
  },
  ...commonOptions,
} as const satisfies OptionSpecs;

const generateHelp = helpText(
  'npm run cli -- generate --prompt TEXT [options]',
  [
    'Generates images with a Seedream model and saves them in the library, where the app shows them too.',
    'The API key comes from COMETAPI_KEY, else from the keychain entry the app saved for that gateway.',
    'Exit status: 0 when at least one image was saved (failed slots are listed on standard error),',
    '1 when none was, 2 for a usage mistake, 130 when interrupted with Ctrl-C.',
  ].join('\n'),
  generateOptions,
);

function requestFrom(parsed: ParsedOptions): GenerationRequest {
  const prompt = stringValue(parsed, 'prompt');
  if (prompt === undefined) throw new UsageError('--prompt is required.');
  const sizeText = stringValue(parsed, 'size');
  let size: GenerationRequest['size'] | undefined;
  if (sizeText !== undefined) {
    const preset = sizePresetSchema.safeParse(sizeText.toUpperCase());
    size = preset.success ? preset.data : parseExactSize(sizeText);
    if (size === undefined) {
      throw new UsageError(
        `--size must be a preset such as 2K or an exact size such as 2048x2048, not "${sizeText}".`,
      );
    }
  }
  const maxImages = integerOption('max-images', stringValue(parsed, 'max-images'), 1, 15) ?? 1;
  const parsedRequest = generationRequestSchema.safeParse({
    model: stringValue(parsed, 'model') ?? defaultModelId,
    prompt,
    size,
    responseFormat: choiceOption('response-format', stringValue(parsed, 'response-format'), [
      'url',
      'b64_json',
    ]),
    outputFormat: choiceOption('output-format', stringValue(parsed, 'output-format'), ['png', 'jpeg']),
    watermark: flagValue(parsed, 'watermark'),
    seed: integerOption('seed', stringValue(parsed, 'seed'), -1, 2_147_483_647),
    guidanceScale: numberOption('guidance-scale', stringValue(parsed, 'guidance-scale'), 1, 10),
    sequential: maxImages > 1 ? 'auto' : 'disabled',
    maxImages,
    stream: flagValue(parsed, 'stream'),
  });
  if (!parsedRequest.success) {
    throw new UsageError(parsedRequest.error.issues.map((issue) => issue.message).join(' '));
  }
  return parsedRequest.data;
}

/**
 * The gateway to use: --base-url, else SEEDREAM_API_BASE_URL, else the app's setting. `named` is the one the
 * command line or environment gave, which is the gateway COMETAPI_KEY is for; the app's setting never is,
 * since the app's renderer can change it.
 */
function gatewayOf(parsed: ParsedOptions, io: CliIo): { baseUrl: string; named: string | undefined } {
  const given = stringValue(parsed, 'base-url') ?? io.env.SEEDREAM_API_BASE_URL;
  const named = given === undefined || given.trim() === '' ? undefined : given;
  if (named === undefined) return { baseUrl: readSettingsFile(settingsFile(io)).apiBaseUrl, named };
  const problem = gatewayProblem(named.trim());
  if (problem !== null) throw new UsageError(`--base-url: ${problem}`);
  const baseUrl = canonicalGatewayUrl(named.trim());
  return { baseUrl, named: baseUrl };
}

async function connectionFor(
  io: CliIo,
  gateway: { baseUrl: string; named: string | undefined },
  http: HttpClient,
) {
  const keys = createKeyService({
    http,
    store: createKeytarStore(undefined, io.env.SEEDREAM_KEYCHAIN_SERVICE ?? keychainServiceName),
    baseUrl: () => gateway.baseUrl,
    env: io.env,
    environmentGateway: gateway.named,
    legacyGateway: readSettingsFile(settingsFile(io)).apiBaseUrl,
  });
  try {
    return await keys.connection();
  } catch (error) {
    if (error instanceof AppFailure && error.appError.code === 'key-missing') {
      throw new AppFailure(
        appError(
          'key-missing',
          `No API key for ${gatewayOrigin(gateway.baseUrl) ?? gateway.baseUrl}: set COMETAPI_KEY (it is used for ${defaultGatewayUrl}, or for the gateway --base-url or SEEDREAM_API_BASE_URL names), or save a key for this gateway in the Settings of Seedream Studio (it is kept in the keychain).`,
        ),
      );
    }
    throw error;
  }
}

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

function progressReporter(io: CliIo, library: Library) {
  let phase = '';
  const announced = new Set<number>();
  return (snapshot: JobSnapshot) => {
    if (snapshot.retry && phase !== `retry-${snapshot.retry.attempt}`) {
      phase = `retry-${snapshot.retry.attempt}`;
      io.stderr(
        `${snapshot.retry.reason.message} Retrying in ${Math.ceil(snapshot.retry.delayMs / 1000)} s.\n`,
      );
    } else if (snapshot.phase !== phase && !snapshot.retry) {
      phase = snapshot.phase;
      const lines: Partial<Record<JobSnapshot['phase'], string>> = {
        sending: 'Sending the request…',
        generating: 'Generating (this takes from about 25 seconds to a few minutes)…',
        downloading: 'Saving the images…',
      };
      const line = lines[snapshot.phase];
      if (line) io.stderr(`${line}\n`);
    }
    for (const slot of snapshot.slots) {
      if (announced.has(slot.index) || (slot.state !== 'saved' && slot.state !== 'failed')) continue;
      announced.add(slot.index);
      io.stderr(
        slot.image
          ? `Image ${slot.index + 1} saved: ${library.filePath(slot.image)}\n`
          : `Image ${slot.index + 1} failed: ${slot.error?.message ?? 'unknown reason'}\n`,
      );
    }
  };
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
  {
    io,
    gateway,
    http,
  }: { io: CliIo; gateway: { baseUrl: string; named: string | undefined }; http: HttpClient },
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
