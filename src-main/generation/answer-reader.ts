import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { z } from 'zod';
import { appError, AppFailure } from '../../src-preload/contract/errors';
import { type ExactSize } from '../../src-preload/contract/generation';
import type { Usage } from '../../src-preload/contract/library-types';
import { mapStreamFailure, type ProviderError } from './api-errors';
import { Base64FieldExtractor, ordinalOfPlaceholder } from './base64-field-extractor';
import type { HttpResponse } from '../network/http-client';
import { ImageFileWriter } from '../media/image-file-writer';
import { parseExactSize } from '../../src-preload/contract/request-size';

/** What the answer says, item by item, as soon as each item is known. */
export type AnswerEvent =
  | { kind: 'url'; index: number; url: string; size: ExactSize | undefined }
  | { kind: 'file'; index: number; writer: ImageFileWriter; size: ExactSize | undefined }
  | { kind: 'item-error'; index: number; error: ProviderError }
  | { kind: 'usage'; usage: Usage }
  | { kind: 'meta'; model: string | undefined; created: number | undefined }
  | { kind: 'stream-error'; error: ProviderError };

export interface AnswerSummary {
  streamed: boolean;
  /** False when a streamed answer ended without its `completed` event. */
  complete: boolean;
}

const providerErrorShape = z
  .object({
    message: z.string().optional(),
    code: z.union([z.string(), z.number()]).nullish(),
    type: z.string().optional(),
    param: z.string().nullish(),
  })
  .loose();

const refusalShape = z.object({ error: providerErrorShape });

const usageShape = z
  .object({
    generated_images: z.number().optional(),
    output_tokens: z.number().optional(),
    total_tokens: z.number().optional(),
  })
  .loose();

const itemShape = z
  .object({
    url: z.string().optional(),
    b64_json: z.string().optional(),
    size: z.string().optional(),
    error: providerErrorShape.optional(),
  })
  .loose();

const answerShape = z
  .object({
    created: z.number().optional(),
    model: z.string().optional(),
    data: z.array(itemShape),
    usage: usageShape.optional(),
  })
  .loose();

const streamEventShape = itemShape.extend({
  type: z.string().optional(),
  image_index: z.number().int().nonnegative().optional(),
  usage: usageShape.optional(),
  model: z.string().optional(),
  created: z.number().optional(),
});

type Item = z.infer<typeof itemShape>;

function toUsage(usage: z.infer<typeof usageShape>): Usage {
  return {
    generatedImages: usage.generated_images ?? 0,
    outputTokens: usage.output_tokens ?? 0,
    totalTokens: usage.total_tokens ?? 0,
  };
}

function toProviderError(error: z.infer<typeof providerErrorShape>): ProviderError {
  return {
    message: error.message,
    type: error.type,
    param: error.param ?? undefined,
    code: error.code === undefined || error.code === null ? undefined : String(error.code),
  };
}

const unreadable = () =>
  new AppFailure(
    appError('server-error', 'The service sent an answer that could not be read. Try again later.'),
  );

function isEventStream(contentType: string | undefined): boolean {
  return /^\s*text\/event-stream/i.test(contentType ?? '');
}

/**
 * Reads a successful generation answer, plain JSON or server-sent events (decided by its content type, since
 * a gateway may answer JSON when streaming was asked for). Base64 images go straight to files in `tmpDir`.
 */
export async function readAnswer(
  exchange: HttpResponse,
  tmpDir: string,
  onEvent: (event: AnswerEvent) => void,
): Promise<AnswerSummary> {
  const streamed = isEventStream(exchange.headers['content-type']);
  const writers = new Map<number, ImageFileWriter>();
  const claimed = new Set<number>();
  const decoder = new TextDecoder();
  const jsonText: string[] = [];
  let nextIndex = 0;
  let complete = !streamed;

  const claim = (item: Item, index: number): void => {
    const size = item.size === undefined ? undefined : parseExactSize(item.size);
    if (item.error) {
      onEvent({ kind: 'item-error', index, error: toProviderError(item.error) });
      return;
    }
    const ordinal = item.b64_json === undefined ? undefined : ordinalOfPlaceholder(item.b64_json);
    const writer = ordinal === undefined ? undefined : writers.get(ordinal);
    if (ordinal !== undefined && writer) {
      claimed.add(ordinal);
      onEvent({ kind: 'file', index, writer, size });
    } else if (item.url !== undefined) {
      onEvent({ kind: 'url', index, url: item.url, size });
    } else {
      onEvent({
        kind: 'item-error',
        index,
        error: { message: 'The answer listed an image without any data.' },
      });
    }
  };

  const onStreamMessage = (message: EventSourceMessage): void => {
    if (message.data.trim() === '[DONE]') return;
    let parsed: z.infer<typeof streamEventShape>;
    try {
      const result = streamEventShape.safeParse(JSON.parse(message.data));
      if (!result.success) return;
      parsed = result.data;
    } catch {
      return;
    }
    const type = parsed.type ?? message.event ?? '';
    if (type.endsWith('completed')) {
      complete = true;
      onEvent({ kind: 'meta', model: parsed.model, created: parsed.created });
      if (parsed.usage) onEvent({ kind: 'usage', usage: toUsage(parsed.usage) });
      return;
    }
    const isImageEvent = /partial_(succeeded|failed)$/.test(type) || parsed.image_index !== undefined;
    if (!isImageEvent && parsed.error) {
      onEvent({ kind: 'stream-error', error: toProviderError(parsed.error) });
      return;
    }
    if (!isImageEvent && parsed.url === undefined && parsed.b64_json === undefined) return;
    const index = parsed.image_index ?? nextIndex;
    nextIndex = Math.max(nextIndex, index + 1);
    if (parsed.model !== undefined || parsed.created !== undefined) {
      onEvent({ kind: 'meta', model: parsed.model, created: parsed.created });
    }
    claim(parsed, index);
  };

  const parser = createParser({ onEvent: onStreamMessage });
  const extractor = new Base64FieldExtractor({
    openValue: (ordinal) => {
      const writer = new ImageFileWriter(tmpDir);
      writers.set(ordinal, writer);
      return writer;
    },
    closeValue: (ordinal) => writers.get(ordinal)?.endOfInput(),
    text: (bytes) => {
      const text = decoder.decode(bytes, { stream: true });
      if (streamed) parser.feed(text);
      else jsonText.push(text);
    },
  });

  try {
    await exchange.consume((chunk) => extractor.push(chunk));
    const rest = decoder.decode();
    if (streamed) {
      parser.feed(`${rest}\n\n`);
      return { streamed, complete };
    }
    jsonText.push(rest);
    parseJsonAnswer(jsonText.join(''), onEvent, claim);
    return { streamed, complete };
  } finally {
    for (const [ordinal, writer] of writers) if (!claimed.has(ordinal)) await writer.discard();
  }
}

function parseJsonAnswer(
  text: string,
  onEvent: (event: AnswerEvent) => void,
  claim: (item: Item, index: number) => void,
) {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw unreadable();
  }
  const refusal = refusalShape.safeParse(value);
  if (refusal.success) throw new AppFailure(mapStreamFailure(toProviderError(refusal.data.error)));
  const answer = answerShape.safeParse(value);
  if (!answer.success) throw unreadable();
  onEvent({ kind: 'meta', model: answer.data.model, created: answer.data.created });
  answer.data.data.forEach((item, index) => {
    claim(item, index);
  });
  if (answer.data.usage) onEvent({ kind: 'usage', usage: toUsage(answer.data.usage) });
}
