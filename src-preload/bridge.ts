import type { Result } from './contract/errors';
import {
  channels,
  type ChannelName,
  type EventName,
  type EventPayload,
  type InputOf,
  type OutputOf,
} from './contract/ipc';

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
type Args<C extends ChannelName> = undefined extends InputOf<C> ? [input?: InputOf<C>] : [input: InputOf<C>];

/** `window.seedream`: one async function per contract channel, grouped by domain, plus `on` for events. */
export type SeedreamApi = {
  readonly [D in DomainOf<ChannelName>]: {
    readonly [C in ChannelName as C extends `${D}:${infer V}` ? V : never]: (
      ...args: Args<C>
    ) => Promise<Result<OutputOf<C>>>;
  };
} & {
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;
};

/** How the bridge reaches main: Electron's ipcRenderer in the preload, Playwright bindings in the Chromium driver. */
export interface BridgeTransport {
  invoke(channel: ChannelName, input: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

export function buildBridge(transport: BridgeTransport): SeedreamApi {
  const domains: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const channel of Object.keys(channels) as ChannelName[]) {
    const [domain = '', verb = ''] = channel.split(':');
    domains[domain] ??= {};
    domains[domain][verb] = (input?: unknown) => transport.invoke(channel, input);
  }
  const api = {
    ...domains,
    on: (event: EventName, listener: (payload: unknown) => void) => transport.subscribe(event, listener),
  };
  // The mapped type above is exactly what the loop builds from `channels`; TypeScript cannot follow a loop.
  return Object.freeze(api) as unknown as SeedreamApi;
}
