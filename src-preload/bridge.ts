import type { Result } from './contract/errors';
import {
  channels,
  events,
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

function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
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
    // The page is untrusted: without this check it could listen on any IPC channel of the process, including
    // Electron's own, by naming it here.
    on: (event: unknown, listener: unknown) => {
      if (!isEventName(event)) throw new TypeError(`There is no event called "${String(event)}".`);
      if (typeof listener !== 'function') throw new TypeError('An event listener must be a function.');
      return transport.subscribe(event, (payload) => {
        (listener as (payload: unknown) => void)(payload);
      });
    },
  };
  // The mapped type above is exactly what the loop builds from `channels`; TypeScript cannot follow a loop.
  return Object.freeze(api) as unknown as SeedreamApi;
}
