import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../src-preload/contract/ipc';
import type { Handlers, HandlersOf } from '../../src-main/ipc/dispatch';
import { startAppHarness, type AppHarness } from '../app/app-harness';

/** Every domain of the contract, as the composition root spreads their handler modules. */
type AllDomains =
  | 'settings'
  | 'key'
  | 'network'
  | 'models'
  | 'usage'
  | 'balance'
  | 'generation'
  | 'references'
  | 'edit'
  | 'library'
  | 'tags'
  | 'collections'
  | 'desktop'
  | 'queue'
  | 'prompts'
  | 'referenceSets';

// Compile-time: these lines are checked by `npm run typecheck`, which fails when an expectation below is wrong.
const _complete: Handlers = {} as HandlersOf<AllDomains>;
// @ts-expect-error A domain left out leaves its channels without a handler, which does not compile.
const _domainLeftOut: Handlers = {} as HandlersOf<Exclude<AllDomains, 'desktop'>>;
// @ts-expect-error A domain's module must handle every channel of its domain.
const _channelLeftOut: HandlersOf<'key'> = {} as Omit<HandlersOf<'key'>, 'key:test'>;

let app: AppHarness;
beforeAll(async () => {
  app = await startAppHarness({ apiBaseUrl: 'http://127.0.0.1:9' });
});
afterAll(async () => {
  await app.close();
});

describe('the handler modules', () => {
  it('handle every channel of the contract, and nothing else', () => {
    expect(Object.keys(app.core.handlers).sort()).toEqual(Object.keys(channels).sort());
    for (const handler of Object.values(app.core.handlers)) expect(typeof handler).toBe('function');
  });
});
