import type { SeedreamApi } from '../src-preload/bridge';
import type { Result } from '../src-preload/contract/errors';
import { thrownToError } from './result';

declare global {
  interface Window {
    readonly seedream?: SeedreamApi;
  }
}

type Call = (input?: unknown) => Promise<Result<unknown>>;

/** A call that always resolves: a rejected invoke (no handler, a broken transport) becomes a failure too. */
function settled(call: Call): Call {
  return async (input) => {
    try {
      return await call(input);
    } catch (thrown) {
      return { ok: false, error: thrownToError(thrown) };
    }
  };
}

/**
 * The only module that touches `window.seedream`. The app's entry point calls it once and passes the API into
 * the store, so slices and tests never reach for a global; every call resolves with a `Result`.
 */
export function connectBridge(): SeedreamApi {
  const bridge = window.seedream;
  if (!bridge) throw new Error('The preload did not expose window.seedream.');
  const domains: Record<string, Record<string, Call>> = {};
  for (const [domain, verbs] of Object.entries(bridge)) {
    if (typeof verbs !== 'object') continue;
    domains[domain] = Object.fromEntries(
      Object.entries(verbs as Record<string, Call>).map(([verb, call]) => [verb, settled(call)]),
    );
  }
  // The same shape as the bridge, each function wrapped; TypeScript cannot follow a loop over a mapped type.
  return Object.freeze({ ...domains, on: bridge.on }) as unknown as SeedreamApi;
}
