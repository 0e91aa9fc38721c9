import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { once } from 'node:events';
import { fakeFlavours, publicCatalogue, type FakeFlavourName } from './gateway-flavours';
import { fakeImage, type FakeImage, type FakeImageSpec } from './noise-images';

/**
 * A fake CometAPI on 127.0.0.1 that behaves like the real gateway and its object storage, traps included:
 * signed result links that only work byte for byte, expiry, per-image errors, 401/402/403/429/5xx, dropped
 * connections, stalls, server-sent events, and realistic incompressible images. Usable from Vitest,
 * Playwright and the benchmark (in process, or over the `/__fake/*` admin endpoints from another process).
 */

export type PostBehaviour =
  | { kind: 'answer' }
  | { kind: 'status'; status: number; body?: unknown; retryAfter?: string }
  /** Reads the request, then closes the connection without answering (the server may have billed). */
  | { kind: 'drop' }
  /** Answers 200 and part of the body, then closes the connection. */
  | { kind: 'drop-mid-body' }
  /** Reads the request and never answers. */
  | { kind: 'stall' }
  /** Answers 400 quoting the request's Authorization header, as careless gateways do. */
  | { kind: 'echo-authorization' }
  /** Answers 200 with a body that is not JSON (a gateway's error page, say). */
  | { kind: 'invalid-json' }
  /** Streams this many images, then an error event instead of the rest. */
  | { kind: 'stream-error'; afterImages: number; code: string };

export type DownloadBehaviour =
  | { kind: 'ok' }
  | { kind: 'status'; status: number }
  | { kind: 'drop-mid-body' }
  | { kind: 'stall-mid-body' }
  | { kind: 'not-an-image' }
  /** Answers 302 back to the same signed path, as a relative Location. */
  | { kind: 'redirect' }
  /** Answers `status` (302 by default) with this Location, `{path}` standing for the signed path as requested. */
  | { kind: 'redirect-to'; location: string; status?: number }
  /** Sends the image with chunked transfer coding in uneven pieces, as CDNs and gateways that stream do. */
  | { kind: 'chunked' };

export interface FakeScenario {
  /** Behaviour of successive generation POSTs, one each; then every POST is answered normally. */
  posts?: PostBehaviour[];
  /** Behaviour of successive result downloads, one each; then downloads succeed. */
  downloads?: DownloadBehaviour[];
  /** The images generated (default: small JPEG noise, or PNG when `output_format` asks for it). */
  image?: Partial<FakeImageSpec>;
  /** Images to produce, overriding what the request asks for. */
  count?: number;
  /** These image slots fail with an `error` item (sensitive output). */
  failIndices?: number[];
  /** How long result links work. */
  linkTtlMs?: number;
  /** Wait before the answer (and, when streaming, before each image event). */
  delayMs?: number;
  /**
   * Speed of the storage host's link, shared by all downloads at once (bytes per second). Unset, downloads go
   * as fast as loopback allows, which measures CPU rather than ingestion over a real network.
   */
  linkBytesPerSecond?: number;
  /**
   * Speed of each download's own connection (bytes per second), as a CDN paces each client: N downloads in
   * parallel get N times this. Applies on top of `linkBytesPerSecond`.
   */
  connectionBytesPerSecond?: number;
  /** The host name result links point at (default: the one the generation was sent to), port unchanged. */
  linkHost?: string;
  /** Answer plain JSON even when `stream: true` was asked for. */
  ignoreStream?: boolean;
  /** The public model list: another list than the flavour's, or `down` for a 503. */
  publicModels?: { id: string; perRequest: number | null }[] | 'down';
  /** Write base64 with `\/` escapes, as some JSON encoders do. */
  escapeSlashes?: boolean;
  /** State a size in the answer that differs from the image. */
  wrongStatedSize?: boolean;
  /**
   * Links without the bare `'` that WHATWG URL parsing rewrites (real TOS links have none), so fetch-based
   * clients can take part in the benchmark; any alteration is still refused.
   */
  plainLinks?: boolean;
  /** How `GET /v1/models` (the key check) answers: never (a stalled gateway), or with this HTTP status. */
  modelListing?: 'stall' | { status: number };
}

export interface FakeStats {
  generationPosts: number;
  /** When each generation POST's body had arrived (Date.now()), to check pacing and shared back-off. */
  postTimes: number[];
  /** Every generation body received, parsed. */
  bodies: Record<string, unknown>[];
  /** The reference images of each generation body, decoded from their data URIs, in the order sent. */
  references: FakeReference[][];
  downloads: number;
  /** The Authorization header of each download (undefined when absent, as it must be). */
  downloadAuthorization: (string | undefined)[];
  /** The Host header of each download, to see where a redirect led. */
  downloadHosts: (string | undefined)[];
  /** The most downloads that were being answered at the same moment. */
  peakParallelDownloads: number;
  /** Downloads refused because the link was altered or expired. */
  accessDenied: number;
  modelListings: number;
  /** Reads of the public model list (`/api/models`, no key). */
  publicListings: number;
  /** Every request received, in order, without its query string: POSTs are counted from here. */
  requests: { method: string; path: string }[];
  /** SHA-256 of every image generated, in order, to check what the client saved byte for byte. */
  generatedSha256: string[];
}

export interface FakeCometApi {
  baseUrl: string;
  port: number;
  apiKey: string;
  stats: FakeStats;
  /** Every result link handed out, exactly as sent. */
  issuedUrls: string[];
  setScenario(scenario: FakeScenario): void;
  /** Clears the scenario, the stats and the issued links. */
  reset(): void;
  stop(): Promise<void>;
}

export interface FakeOptions {
  port?: number;
  apiKey?: string;
  scenario?: FakeScenario;
  /** Fill `stats.generatedSha256` (default). The benchmark turns it off to keep the fake out of the timings. */
  recordHashes?: boolean;
  /** Serve HTTPS with this certificate; `baseUrl` is then `https://localhost:PORT`. */
  tls?: { cert: string; key: string };
  /** Which gateway to be (default CometAPI); `ark` answers as BytePlus or Volcengine Ark does. */
  flavour?: FakeFlavourName;
}

/** A reference image as the fake received it. */
export interface FakeReference {
  /** The MIME subtype the data URI named (`png`, `jpeg`...). */
  format: string;
  bytes: Buffer;
}

/** `image` is one data URI or a list of them; anything that is not a data URI is kept as empty bytes. */
function decodeReferences(image: unknown): FakeReference[] {
  const list = typeof image === 'string' ? [image] : Array.isArray(image) ? image : [];
  return list.map((item) => {
    const match = typeof item === 'string' ? /^data:image\/([a-z]+);base64,(.*)$/s.exec(item) : null;
    return match
      ? { format: match[1] ?? '', bytes: Buffer.from(match[2] ?? '', 'base64') }
      : { format: '', bytes: Buffer.alloc(0) };
  });
}

export const fakeApiKey = 'sk-fake-0123456789abcdef';

/** Prompt keywords let end-to-end tests pick a behaviour without the admin endpoint. */
const promptKeywords: Record<string, PostBehaviour | FakeScenario> = {
  unauthorized: { kind: 'status', status: 401, body: providerError('AuthenticationError', 'Invalid token') },
  'no-credit': {
    kind: 'status',
    status: 402,
    body: providerError('AccountOverdueError', 'Insufficient balance'),
  },
  'rate-limited': {
    kind: 'status',
    status: 429,
    retryAfter: '1',
    body: providerError('RateLimitExceeded', 'Slow down'),
  },
  'server-error': {
    kind: 'status',
    status: 500,
    body: providerError('InternalServiceError', 'Upstream failed'),
  },
  'sensitive-prompt': {
    kind: 'status',
    status: 400,
    body: providerError(
      'InputTextSensitiveContentDetected',
      'The prompt may contain sensitive content',
      'prompt',
    ),
  },
  stall: { kind: 'stall' },
  drop: { kind: 'drop' },
  'echo-key': { kind: 'echo-authorization' },
  'partial-failure': { failIndices: [1] },
  slow: { delayMs: 1500 },
  'model-not-open': {
    kind: 'status',
    status: 404,
    body: providerError('ModelNotOpen', 'Your account has not activated the model service', 'model'),
  },
};

function providerError(code: string, message: string, param = ''): unknown {
  return { error: { message, type: 'invalid_request_error', param, code } };
}

interface IssuedLink {
  image: FakeImage;
  expiresAt: number;
}

interface Generation {
  model: string;
  created: number;
  specs: FakeImageSpec;
  count: number;
  failIndices: Set<number>;
  responseFormat: 'url' | 'b64_json';
  images: FakeImage[];
  linkOrigin: string;
}

function emptyStats(): FakeStats {
  return {
    generationPosts: 0,
    postTimes: [],
    bodies: [],
    references: [],
    downloads: 0,
    downloadAuthorization: [],
    downloadHosts: [],
    peakParallelDownloads: 0,
    accessDenied: 0,
    modelListings: 0,
    publicListings: 0,
    requests: [],
    generatedSha256: [],
  };
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function write(res: ServerResponse, data: string | Buffer): Promise<void> {
  if (!res.write(data)) await once(res, 'drain');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Base64 in slices that are multiples of 3 bytes, so no copy of the whole encoding is ever made. */
async function writeBase64(res: ServerResponse, fakeImage: FakeImage, escapeSlashes: boolean): Promise<void> {
  const image = Buffer.concat(fakeImage.parts);
  const slice = 3 * 21_846;
  for (let offset = 0; offset < image.length; offset += slice) {
    const text = image.subarray(offset, offset + slice).toString('base64');
    await write(res, escapeSlashes ? text.replaceAll('/', '\\/') : text);
  }
}

export async function startFakeCometApi(options: FakeOptions = {}): Promise<FakeCometApi> {
  const apiKey = options.apiKey ?? fakeApiKey;
  const flavour = fakeFlavours[options.flavour ?? 'cometapi'];
  /** Errors in this gateway's shape: the same wrapper, another `type`. */
  const gatewayError = (code: string, message: string, param = ''): unknown => ({
    error: { message, type: flavour.errorType, param, code },
  });
  let scenario: FakeScenario = options.scenario ?? {};
  let postQueue: PostBehaviour[] = [...(scenario.posts ?? [])];
  let downloadQueue: DownloadBehaviour[] = [...(scenario.downloads ?? [])];
  const links = new Map<string, IssuedLink>();
  const sockets = new Set<Socket>();
  const api: FakeCometApi = {
    baseUrl: '',
    port: 0,
    apiKey,
    stats: emptyStats(),
    issuedUrls: [],
    setScenario(next) {
      scenario = next;
      postQueue = [...(next.posts ?? [])];
      downloadQueue = [...(next.downloads ?? [])];
    },
    reset() {
      api.setScenario({});
      api.stats = emptyStats();
      api.issuedUrls.length = 0;
      links.clear();
    },
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };

  /** A link shaped like a real signed storage URL: `&`, `%2F`, lower-case escapes and a bare `'`. */
  function issueLink(image: FakeImage, format: string, index: number, origin: string): string {
    const id = randomUUID().replaceAll('-', '');
    const date = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
    const target =
      `/ark-content-generation-v2/doubao-seedream/0217${id}_${index}.${format === 'png' ? 'png' : 'jpeg'}` +
      `?X-Tos-Algorithm=TOS4-HMAC-SHA256&X-Tos-Credential=AKLTfake${id.slice(0, 8)}%2F${date.slice(0, 8)}%2Fcn-beijing%2Ftos%2Frequest` +
      `&X-Tos-Date=${date}&X-Tos-Expires=86400&X-Tos-Signature=${id}${id.slice(0, 32)}` +
      `&X-Tos-SignedHeaders=host${scenario.plainLinks ? '' : "&x-tos-meta-note=it's%2fa%20test%3D1"}`;
    links.set(target, { image, expiresAt: Date.now() + (scenario.linkTtlMs ?? 24 * 3_600_000) });
    const url = `${origin}${target}`;
    api.issuedUrls.push(url);
    return url;
  }

  /**
   * The time the shared link is busy until; each piece books its slot, so all downloads share the speed. A
   * connection's own pace books its slots the same way, on its own clock.
   */
  let linkBusyUntil = 0;
  async function writePaced(
    res: ServerResponse,
    data: Buffer,
    linkRate: number | undefined,
    connection: { rate: number; busyUntil: number } | undefined,
  ): Promise<void> {
    const piece = 64 * 1024;
    for (let offset = 0; offset < data.length; offset += piece) {
      const slice = data.subarray(offset, offset + piece);
      // A piece is sent once the link would have carried it, so even a small image takes its time.
      let arrives = performance.now();
      if (linkRate !== undefined) {
        linkBusyUntil = Math.max(arrives, linkBusyUntil) + (slice.length / linkRate) * 1000;
        arrives = linkBusyUntil;
      }
      if (connection) {
        connection.busyUntil =
          Math.max(arrives, connection.busyUntil) + (slice.length / connection.rate) * 1000;
        arrives = connection.busyUntil;
      }
      await sleep(Math.max(0, arrives - performance.now()));
      await write(res, slice);
    }
  }

  function authorized(req: IncomingMessage): boolean {
    return req.headers.authorization === `Bearer ${apiKey}`;
  }

  function keywordOverride(prompt: string): PostBehaviour | FakeScenario | undefined {
    const match = /\[fake:([a-z-]+)\]/.exec(prompt);
    return match?.[1] === undefined ? undefined : promptKeywords[match[1]];
  }

  function refusal(body: Record<string, unknown>): { status: number; body: unknown } | undefined {
    const model = typeof body.model === 'string' ? body.model : '';
    if (!flavour.models.includes(model)) {
      return {
        status: 404,
        body: gatewayError('InvalidEndpointOrModel.NotFound', `Model ${model} not found`, 'model'),
      };
    }
    if (flavour.noSequenceModels.has(model)) {
      for (const field of ['sequential_image_generation', 'sequential_image_generation_options', 'stream']) {
        if (field in body)
          return { status: 400, body: gatewayError('InvalidParameter', `${field} is not supported`, field) };
      }
    }
    if (typeof body.prompt !== 'string' || body.prompt === '') {
      return { status: 400, body: gatewayError('MissingParameter', 'prompt is required', 'prompt') };
    }
    if (body.background === 'transparent' && body.output_format !== 'png') {
      return {
        status: 400,
        body: gatewayError('InvalidParameter', 'transparent background needs png output', 'background'),
      };
    }
    return undefined;
  }

  async function prepare(
    body: Record<string, unknown>,
    effective: FakeScenario,
    linkOriginOf: string,
  ): Promise<Generation> {
    const sequence = body.sequential_image_generation_options as { max_images?: number } | undefined;
    const asked = body.sequential_image_generation === 'auto' ? (sequence?.max_images ?? 15) : 1;
    const count = effective.count ?? asked;
    const specs: FakeImageSpec = {
      format: effective.image?.format ?? (body.output_format === 'png' ? 'png' : 'jpeg'),
      width: effective.image?.width ?? 96,
      height: effective.image?.height ?? 64,
      pattern: effective.image?.pattern ?? 'noise',
      alpha: body.background === 'transparent',
    };
    const failIndices = new Set(effective.failIndices ?? []);
    const created = Math.floor(Date.now() / 1000);
    const images = await Promise.all(
      Array.from({ length: count }, (_, index) =>
        fakeImage(specs, index, `${created}-${api.stats.generationPosts}-${index}`),
      ),
    );
    for (const image of options.recordHashes === false ? [] : images) {
      const hash = createHash('sha256');
      for (const part of image.parts) hash.update(part);
      api.stats.generatedSha256.push(hash.digest('hex'));
    }
    return {
      model: String(body.model),
      created,
      specs,
      count,
      failIndices,
      responseFormat: body.response_format === 'b64_json' ? 'b64_json' : 'url',
      images,
      linkOrigin: linkOriginOf,
    };
  }

  function statedSize(generation: Generation, effective: FakeScenario): string {
    const { width, height } = generation.specs;
    return effective.wrongStatedSize ? `${width + 16}x${height}` : `${width}x${height}`;
  }

  function itemError(): unknown {
    return {
      code: 'OutputImageSensitiveContentDetected',
      message: 'The output image may contain sensitive content.',
    };
  }

  function usage(generation: Generation): unknown {
    const made = generation.count - generation.failIndices.size;
    return { generated_images: made, output_tokens: made * 16_384, total_tokens: made * 16_384 };
  }

  /** The fields of one successful item, without braces: JSON items and stream events share them. */
  /** Links point where the generation was sent (through a proxy, that is a name only the proxy resolves). */
  function linkOrigin(req: IncomingMessage): string {
    const host = req.headers.host ?? `127.0.0.1:${api.port}`;
    const port = /:(\d+)$/.exec(host)?.[1] ?? String(api.port);
    const name = scenario.linkHost ?? host.replace(/:\d+$/, '');
    return `${options.tls ? 'https' : 'http'}://${name}:${port}`;
  }

  async function writeItemFields(
    res: ServerResponse,
    generation: Generation,
    index: number,
    effective: FakeScenario,
  ) {
    const image = generation.images[index] ?? { parts: [], length: 0 };
    const size = statedSize(generation, effective);
    if (generation.responseFormat === 'url') {
      await write(
        res,
        `"url":${JSON.stringify(issueLink(image, generation.specs.format, index, generation.linkOrigin))},"size":"${size}"`,
      );
      return;
    }
    await write(res, '"b64_json":"');
    await writeBase64(res, image, effective.escapeSlashes ?? false);
    await write(res, `","size":"${size}"`);
  }

  async function answerJson(
    res: ServerResponse,
    generation: Generation,
    effective: FakeScenario,
    dropMidBody: boolean,
  ) {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    await write(res, `{"model":"${generation.model}","created":${generation.created},"data":[`);
    for (let index = 0; index < generation.count; index += 1) {
      if (index > 0) await write(res, ',');
      if (dropMidBody && index >= Math.ceil(generation.count / 2)) {
        res.socket?.destroy();
        return;
      }
      if (generation.failIndices.has(index)) await write(res, JSON.stringify({ error: itemError() }));
      else {
        await write(res, '{');
        await writeItemFields(res, generation, index, effective);
        await write(res, '}');
      }
    }
    await write(res, `],"usage":${JSON.stringify(usage(generation))}}`);
    res.end();
  }

  async function answerStream(
    res: ServerResponse,
    generation: Generation,
    effective: FakeScenario,
    behaviour: PostBehaviour,
  ) {
    const head = (index: number) =>
      `"model":"${generation.model}","created":${generation.created},"image_index":${index}`;
    for (let index = 0; index < generation.count; index += 1) {
      await sleep(effective.delayMs ?? 0);
      // As upstream: the headers leave only with the first finished image.
      if (index === 0)
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      if (behaviour.kind === 'stream-error' && index === behaviour.afterImages) {
        const error = { type: 'error', error: { code: behaviour.code, message: 'Generation stopped.' } };
        await write(res, `event: error\ndata: ${JSON.stringify(error)}\n\n`);
        res.end();
        return;
      }
      if (behaviour.kind === 'drop-mid-body' && index === 1) {
        res.socket?.destroy();
        return;
      }
      if (generation.failIndices.has(index)) {
        const type = 'image_generation.partial_failed';
        await write(
          res,
          `event: ${type}\ndata: {"type":"${type}",${head(index)},"error":${JSON.stringify(itemError())}}\n\n`,
        );
        continue;
      }
      const type = 'image_generation.partial_succeeded';
      await write(res, `event: ${type}\ndata: {"type":"${type}",${head(index)},`);
      await writeItemFields(res, generation, index, effective);
      await write(res, '}\n\n');
    }
    const type = 'image_generation.completed';
    const completed = {
      type,
      model: generation.model,
      created: generation.created,
      usage: usage(generation),
    };
    await write(res, `event: ${type}\ndata: ${JSON.stringify(completed)}\n\ndata: [DONE]\n\n`);
    res.end();
  }

  async function handleGeneration(req: IncomingMessage, res: ServerResponse) {
    const raw = await readBody(req);
    api.stats.generationPosts += 1;
    api.stats.postTimes.push(Date.now());
    if (!authorized(req)) {
      sendJson(res, 401, gatewayError('AuthenticationError', 'Invalid token'));
      return;
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      sendJson(res, 400, gatewayError('InvalidParameter', 'Body is not JSON'));
      return;
    }
    api.stats.bodies.push(body);
    api.stats.references.push(decodeReferences(body.image));
    const keyword = keywordOverride(typeof body.prompt === 'string' ? body.prompt : '');
    const queued = postQueue.shift();
    const behaviour: PostBehaviour = keyword && 'kind' in keyword ? keyword : (queued ?? { kind: 'answer' });
    const effective: FakeScenario = keyword && !('kind' in keyword) ? { ...scenario, ...keyword } : scenario;
    if (behaviour.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (behaviour.kind === 'stall') return;
    if (behaviour.kind === 'echo-authorization') {
      const header = req.headers.authorization ?? '';
      sendJson(res, 400, gatewayError('InvalidParameter', `Cannot use "${header}" for this model`));
      return;
    }
    if (behaviour.kind === 'invalid-json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('<html><body>502 Bad Gateway</body></html>');
      return;
    }
    if (behaviour.kind === 'status') {
      sendJson(
        res,
        behaviour.status,
        behaviour.body ?? {},
        behaviour.retryAfter ? { 'retry-after': behaviour.retryAfter } : {},
      );
      return;
    }
    const refused = refusal(body);
    if (refused) {
      sendJson(res, refused.status, refused.body);
      return;
    }
    const generation = await prepare(body, effective, linkOrigin(req));
    const streamed = body.stream === true && !effective.ignoreStream;
    if (streamed) {
      await answerStream(res, generation, effective, behaviour);
      return;
    }
    await sleep(effective.delayMs ?? 0);
    await answerJson(res, generation, effective, behaviour.kind === 'drop-mid-body');
  }

  let parallelDownloads = 0;
  async function handleDownload(req: IncomingMessage, res: ServerResponse) {
    parallelDownloads += 1;
    api.stats.peakParallelDownloads = Math.max(api.stats.peakParallelDownloads, parallelDownloads);
    res.once('close', () => {
      parallelDownloads -= 1;
    });
    api.stats.downloads += 1;
    api.stats.downloadAuthorization.push(req.headers.authorization);
    api.stats.downloadHosts.push(req.headers.host);
    const link = links.get(req.url ?? '');
    if (!link || Date.now() > link.expiresAt) {
      api.stats.accessDenied += 1;
      const message = link ? 'Request has expired' : 'The request signature we calculated does not match';
      sendJson(res, 403, {
        Code: 'AccessDenied',
        Message: message,
        RequestId: randomUUID(),
        HostId: 'tos-fake',
      });
      return;
    }
    const behaviour = downloadQueue.shift() ?? { kind: 'ok' };
    if (behaviour.kind === 'status') {
      sendJson(res, behaviour.status, { Code: 'InternalError', Message: 'Try again' });
      return;
    }
    if (behaviour.kind === 'redirect') {
      res.writeHead(302, { location: req.url ?? '/' });
      res.end();
      return;
    }
    if (behaviour.kind === 'redirect-to') {
      res.writeHead(behaviour.status ?? 302, {
        location: behaviour.location.replace('{path}', req.url ?? '/'),
      });
      res.end();
      return;
    }
    if (behaviour.kind === 'not-an-image') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Gateway says hello</body></html>');
      return;
    }
    if (behaviour.kind === 'chunked') {
      res.writeHead(200, { 'content-type': 'image/jpeg', 'transfer-encoding': 'chunked' });
      const whole = Buffer.concat(link.image.parts);
      for (let offset = 0, size = 1; offset < whole.length; offset += size, size = (size * 7) % 65_521) {
        await write(res, whole.subarray(offset, offset + size));
      }
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': link.image.length });
    if (behaviour.kind === 'ok') {
      const rate = scenario.linkBytesPerSecond;
      const own = scenario.connectionBytesPerSecond;
      const paced = { connection: own === undefined ? undefined : { rate: own, busyUntil: 0 } };
      for (const part of link.image.parts) {
        if (rate === undefined && paced.connection === undefined) res.write(part);
        else await writePaced(res, part, rate, paced.connection);
      }
      res.end();
      return;
    }
    await write(res, Buffer.concat(link.image.parts).subarray(0, Math.floor(link.image.length / 2)));
    if (behaviour.kind === 'drop-mid-body') res.socket?.destroy();
  }

  async function handleAdmin(req: IncomingMessage, res: ServerResponse, path: string) {
    if (path === '/__fake/stats') {
      // Reference bytes travel as base64 text, not as JSON arrays of numbers.
      const references = api.stats.references.map((list) =>
        list.map((reference) => ({ format: reference.format, base64: reference.bytes.toString('base64') })),
      );
      sendJson(res, 200, { ...api.stats, references });
      return;
    }
    if (path === '/__fake/reset') {
      api.reset();
      sendJson(res, 200, {});
      return;
    }
    if (path === '/__fake/scenario') {
      api.setScenario(JSON.parse((await readBody(req)).toString('utf8')) as FakeScenario);
      sendJson(res, 200, {});
      return;
    }
    sendJson(res, 404, {});
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith('/__fake/')) return handleAdmin(req, res, path);
    api.stats.requests.push({ method: req.method ?? 'GET', path });
    if (req.method === 'POST' && path === flavour.generationPath) return handleGeneration(req, res);
    if (req.method === 'GET' && path === flavour.modelsPath) {
      api.stats.modelListings += 1;
      const listing = scenario.modelListing;
      if (listing === 'stall') return;
      if (listing) {
        sendJson(res, listing.status, providerError('Scenario', `The scenario answers ${listing.status}.`));
        return;
      }
      if (!authorized(req)) {
        sendJson(res, 401, gatewayError('AuthenticationError', 'Invalid token'));
        return;
      }
      sendJson(res, 200, { object: 'list', data: flavour.models.map((id) => ({ id, object: 'model' })) });
      return;
    }
    if (req.method === 'GET' && path === '/api/models' && flavour.publicList !== null) {
      api.stats.publicListings += 1;
      const list = scenario.publicModels ?? flavour.publicList;
      if (list === 'down') sendJson(res, 503, gatewayError('ServiceUnavailable', 'Try later'));
      else sendJson(res, 200, publicCatalogue(list));
      return;
    }
    if (req.method === 'POST') {
      sendJson(res, 404, gatewayError('NotFound', 'No such endpoint'));
      return;
    }
    if (req.method === 'GET') return handleDownload(req, res);
    sendJson(res, 404, providerError('NotFound', 'No such endpoint'));
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch(() => res.destroy());
  };
  const server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, listener)
    : createServer(listener);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  api.port = (server.address() as AddressInfo).port;
  api.baseUrl = options.tls ? `https://localhost:${api.port}` : `http://127.0.0.1:${api.port}`;
  return api;
}
