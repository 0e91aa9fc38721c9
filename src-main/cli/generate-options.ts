import { canonicalGatewayUrl, gatewayProblem } from '../../src-preload/contract/gateway';
import { generationRequestSchema, type GenerationRequest } from '../../src-preload/contract/generation';
import { gatewayKinds, type GatewayKind } from '../../src-preload/contract/gateway-profiles';
import {
  backgrounds,
  defaultModelId,
  modelCatalogue,
  promptModes,
  sizePresetSchema,
} from '../../src-preload/contract/models';
import { readSettingsFile } from '../settings/settings-store';
import { settingsFile } from './app-dirs';
import type { CliIo } from './cli-io';
import {
  choiceOption,
  commonOptions,
  flagValue,
  helpText,
  integerOption,
  numberOption,
  stringValue,
  UsageError,
  type OptionSpecs,
  type ParsedOptions,
} from './options';
import { parseExactSize } from '../../src-preload/contract/request-size';

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
  'prompt-mode': {
    type: 'string',
    value: promptModes.join('|'),
    description: 'Prompt optimisation, for models that offer that mode.',
  },
  'web-search': { type: 'boolean', description: 'Let the model search the web first (models that can).' },
  background: {
    type: 'string',
    value: backgrounds.join('|'),
    description: 'A transparent (with --output-format png) or opaque background, for models that offer it.',
  },
  gateway: {
    type: 'string',
    value: gatewayKinds.join('|'),
    description:
      "Which kind of gateway the address is: its model ids, paths and currency (default: the app's setting, else cometapi).",
  },
  'base-url': {
    type: 'string',
    value: 'URL',
    description:
      "API address, https:// or http:// on this computer (default: SEEDREAM_API_BASE_URL, else the app's setting, else https://api.cometapi.com). COMETAPI_KEY is sent only to the address given here or in SEEDREAM_API_BASE_URL, or to https://api.cometapi.com.",
  },
  ...commonOptions,
} as const satisfies OptionSpecs;

export const generateHelp = helpText(
  'npm run cli -- generate --prompt TEXT [options]',
  [
    'Generates images with a Seedream model and saves them in the library, where the app shows them too.',
    'The API key comes from COMETAPI_KEY, else from the keychain entry the app saved for that gateway.',
    'Exit status: 0 when at least one image was saved (failed slots are listed on standard error),',
    '1 when none was, 2 for a usage mistake, 130 when interrupted with Ctrl-C.',
  ].join('\n'),
  generateOptions,
);

/** The request `generate`'s options describe, checked by the contract's schema. */
export function requestFrom(parsed: ParsedOptions): GenerationRequest {
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
    promptMode: choiceOption('prompt-mode', stringValue(parsed, 'prompt-mode'), promptModes),
    webSearch: flagValue(parsed, 'web-search') || undefined,
    background: choiceOption('background', stringValue(parsed, 'background'), backgrounds),
  });
  if (!parsedRequest.success) {
    throw new UsageError(parsedRequest.error.issues.map((issue) => issue.message).join(' '));
  }
  return parsedRequest.data;
}

/** The gateway a command talks to, and the one the command line or environment named (if any). */
export interface Gateway {
  baseUrl: string;
  named: string | undefined;
  /** The gateway's profile: --gateway, else the app's setting. */
  kind: GatewayKind;
}

/**
 * The gateway to use: --base-url, else SEEDREAM_API_BASE_URL, else the app's setting. `named` is the one the
 * command line or environment gave, which is the gateway COMETAPI_KEY is for; the app's setting never is,
 * since the app's renderer can change it.
 */
export function gatewayOf(parsed: ParsedOptions, io: CliIo): Gateway {
  const given = stringValue(parsed, 'base-url') ?? io.env.SEEDREAM_API_BASE_URL;
  const named = given === undefined || given.trim() === '' ? undefined : given;
  const settings = readSettingsFile(settingsFile(io));
  const kind = choiceOption('gateway', stringValue(parsed, 'gateway'), gatewayKinds) ?? settings.gatewayKind;
  if (named === undefined) return { baseUrl: settings.apiBaseUrl, named, kind };
  const problem = gatewayProblem(named.trim());
  if (problem !== null) throw new UsageError(`--base-url: ${problem}`);
  const baseUrl = canonicalGatewayUrl(named.trim());
  return { baseUrl, named: baseUrl, kind };
}
