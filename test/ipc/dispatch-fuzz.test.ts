import { homedir, tmpdir } from 'node:os';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrorSchema, type Result } from '../../src-preload/contract/errors';
import { channels, type ChannelName } from '../../src-preload/contract/ipc';
import { startAppHarness, type AppHarness } from '../app/app-harness';
import { useFakeCometApi } from '../support/fake-cometapi-server';
import { pngBytes } from '../library/fixtures';

/**
 * The renderer is untrusted: every channel, through the real dispatch (sender check, zod, handler, Result),
 * gets thousands of generated payloads, mostly malformed and some just valid enough to reach the handler. Main
 * must never throw, must answer every failure with a readable `{code, message}` that gives away no stack and
 * no path, and must leave a library that passes a full check.
 */
const runsPerChannel = 60;

const api = useFakeCometApi({ scenario: { count: 1 }, freshEachTest: false });
let app: AppHarness;

beforeAll(async () => {
  app = await startAppHarness({ apiBaseUrl: api.fake.baseUrl });
  await app.value('key:save', { key: api.fake.apiKey, sessionOnly: true });
  for (let seed = 1; seed <= 6; seed += 1) {
    await app.value('library:import', {
      files: [{ name: `seed-${seed}.png`, bytes: new Uint8Array(await pngBytes(seed)) }],
    });
  }
  await app.value('collections:create', { name: 'fuzzed' });
});

afterAll(async () => {
  await app.close();
});

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const request = { model: 'doubao-seedream-4-5-251128', prompt: 'fuzz' };

/** A well-formed input for each channel, which the fuzzer bends one part at a time. */
const templates: Record<ChannelName, unknown> = {
  'settings:get': undefined,
  'settings:update': { apiBaseUrl: 'http://127.0.0.1:9', progressiveResults: true, language: 'en' },
  'key:status': undefined,
  'key:save': { key: 'sk-fuzzed-key-0000', sessionOnly: true },
  'key:remove': undefined,
  'key:test': undefined,
  'key:verify': { key: 'sk-fuzzed-key-0001', sessionOnly: true, saveUnverified: true },
  'network:status': undefined,
  'models:offer': { refresh: false },
  'usage:ledger': { sinceMs: 0 },
  'balance:status': undefined,
  'balance:refresh': undefined,
  'balance:saveKey': { key: 'sk-fuzzed-balance-0000' },
  'balance:removeKey': undefined,
  'generation:start': { request, referenceIds: [1] },
  'generation:cancel': { jobId: '1' },
  'generation:jobs': undefined,
  'generation:remix': { generationId: 1 },
  'references:add': { name: 'ref.png', bytes: png },
  'edit:apply': {
    baseId: 1,
    referenceIds: [2],
    document: {
      baseSize: { width: 32, height: 24 },
      marks: [
        { kind: 'rectangle', from: { x: 2, y: 2 }, to: { x: 20, y: 12 }, color: '#ff3b30', width: 'thin' },
      ],
      regions: [{ kind: 'box', id: 1, from: { x: 1, y: 1 }, to: { x: 9, y: 9 } }],
      transform: { crop: null, quarterTurns: 1, flipHorizontal: false, flipVertical: true },
      removeMarks: true,
    },
    request: { ...request, prompt: 'fuzz [[box 1]]' },
    textLayers: [],
  },
  'edit:reopen': { generationId: 1 },
  'edit:versions': { imageId: 1 },
  'edit:takeOpened': undefined,
  'library:list': { query: 'fuzz', filter: { favorite: true }, sort: 'oldest', cursor: null, limit: 5 },
  'library:detail': { id: 1 },
  'library:stats': undefined,
  'library:models': undefined,
  'library:setFavorite': { ids: [1, 2], favorite: true },
  'library:trash': { ids: [3] },
  'library:restore': { ids: [3] },
  'library:emptyTrash': undefined,
  'library:import': { files: [{ name: 'a.png', bytes: png }] },
  'library:export': { ids: [1] },
  'library:check': { full: false },
  'tags:list': undefined,
  'tags:add': { ids: [1], name: 'tag' },
  'tags:remove': { ids: [1], tagId: 1 },
  'collections:list': undefined,
  'collections:create': { name: 'c' },
  'collections:rename': { id: 1, name: 'd' },
  'collections:delete': { id: 2 },
  'collections:add': { ids: [1], collectionId: 1 },
  'collections:remove': { ids: [1], collectionId: 1 },
  'queue:list': undefined,
  'queue:add': { items: [{ request, referenceIds: [1] }], batch: 'fuzz' },
  'queue:pause': undefined,
  'queue:resume': undefined,
  'queue:reorder': { ids: [1, 2] },
  'queue:remove': { ids: [2] },
  'queue:retry': { ids: [1], resendUnknown: false },
  'queue:clearFinished': undefined,
  'prompts:history': { query: '猫 fuzz', limit: 10 },
  'prompts:saved': undefined,
  'prompts:save': { name: 'p', template: 'a {b|c} {d}', tags: ['t'] },
  'prompts:delete': { id: 1 },
  'referenceSets:list': undefined,
  'referenceSets:save': { name: 's', imageIds: [1, 2] },
  'referenceSets:delete': { id: 1 },
  'referenceSets:uses': { id: 1 },
  'desktop:reveal': { id: 1 },
  'desktop:copyImage': { id: 1 },
  'desktop:startDrag': { ids: [1] },
};

/** Every place inside a value where the fuzzer may put something else: `[]` is the value itself. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (typeof value === 'object' && value !== null && !(value instanceof Uint8Array)) {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  }
  return paths;
}

function replaceAt(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  const copy: unknown = Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) };
  (copy as Record<string | number, unknown>)[head] = replaceAt(
    (value as Record<string | number, unknown>)[head],
    rest,
    replacement,
  );
  return copy;
}

/** Values a hostile page would try: wrong types, edge numbers, huge and odd strings, prototype keys. */
const hostile = fc.oneof(
  fc.anything({
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
    withObjectString: true,
    maxDepth: 3,
  }),
  fc.constantFrom(
    Number.NaN,
    Infinity,
    -Infinity,
    -0,
    2 ** 53,
    -1,
    0,
    1.5,
    '',
    ' ',
    '\u0000',
    '../../etc/passwd',
    'C:\\Windows\\win.ini',
    'seedream-media://library/../catalog.sqlite',
    'x'.repeat(100_000),
    [],
    {},
    null,
    undefined,
  ),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.integer(), { maxLength: 200 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'then'), fc.anything()),
);

/** Values of the right kind, so a payload gets past the schema and into the handler now and then. */
const plausible = fc.oneof(
  fc.integer({ min: 1, max: 12 }),
  fc.integer({ min: 1, max: 2 ** 31 }),
  fc.boolean(),
  fc.string({ maxLength: 40 }),
  fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 4 }),
);

function payloads(channel: ChannelName): fc.Arbitrary<unknown> {
  const template = templates[channel];
  const mutated = fc
    .tuple(fc.constantFrom(...pathsOf(template)), fc.oneof(hostile, plausible))
    .map(([path, replacement]) => replaceAt(template, path, replacement));
  return fc.oneof(hostile, mutated, fc.constant(template));
}

/** A stack frame, an error class, a native module, or a folder of this machine: none belongs in a message. */
function revealing(): string[] {
  return [
    '    at ',
    'Error:',
    'node_modules',
    'SQLITE_',
    app.userDataDir,
    tmpdir(),
    homedir(),
    process.cwd(),
  ];
}

function checkAnswer(result: Result<unknown>): void {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) return;
  expect(appErrorSchema.strict().safeParse(result.error).success).toBe(true);
  expect(result.error.code).not.toBe('internal');
  expect(result.error.message.length).toBeGreaterThan(0);
  for (const forbidden of revealing()) expect(result.error.message).not.toContain(forbidden);
}

describe('every IPC channel under generated bad payloads', () => {
  it(
    'never throws, answers every failure in words, and leaves the library whole',
    { timeout: 120_000 },
    async () => {
      // Settings and keys last: a fuzzed gateway address or a removed key would stop generations early.
      const names = (Object.keys(channels) as ChannelName[]).sort(
        (a, b) => Number(/^(settings|key):/.test(a)) - Number(/^(settings|key):/.test(b)),
      );
      let calls = 0;
      for (const channel of names) {
        await fc.assert(
          fc.asyncProperty(payloads(channel), async (input) => {
            const result = await app.dispatch(channel, input, {
              url: 'app://studio/index.html',
              isMainFrame: true,
            });
            calls += 1;
            checkAnswer(result);
          }),
          { numRuns: runsPerChannel },
        );
      }
      // Unknown channels and other senders are refused before any parsing.
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 60 }), hostile, async (channel, input) => {
          fc.pre(!Object.hasOwn(channels, channel));
          const result = await app.call(channel, input);
          calls += 1;
          expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
        }),
        { numRuns: 200 },
      );
      expect(calls).toBeGreaterThan(2000);
      expect(app.logged).toEqual([]);

      for (const job of await app.value('generation:jobs')) {
        await app.core.handlers['generation:cancel']({ jobId: job.jobId });
      }
      const report = await app.library.check(true);
      expect(report).toMatchObject({ missingFiles: 0, wrongHashes: 0, catalog: 'ok' });
      expect(app.library.catalog.writer.pragma('foreign_key_check')).toEqual([]);
    },
  );
});
