import { buildBridge, type SeedreamApi } from '../../../src-preload/bridge';
import type { AppError, Result } from '../../../src-preload/contract/errors';
import type {
  ChannelName,
  EventName,
  EventPayload,
  InputOf,
  OutputOf,
} from '../../../src-preload/contract/ipc';

type Answer<C extends ChannelName> = Result<OutputOf<C>> | Promise<Result<OutputOf<C>>>;

/** What main answers on each channel a test uses; a call on any other channel fails the test. */
export type FakeHandlers = { [C in ChannelName]?: (input: InputOf<C>) => Answer<C> };

export interface Call {
  channel: ChannelName;
  input: unknown;
}

export interface FakeApi {
  api: SeedreamApi;
  /** Every call in order, for asserting what reached main. */
  calls: Call[];
  callsTo<C extends ChannelName>(channel: C): InputOf<C>[];
  /** Sends an event as main would. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Replaces or adds handlers mid-test. */
  answer(handlers: FakeHandlers): void;
  listenerCount(event: EventName): number;
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failed(message: string, code: AppError['code'] = 'internal'): Result<never> {
  return { ok: false, error: { code, message } };
}

/** A promise the test resolves when it chooses, to put answers in any order. */
export function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

/**
 * The bridge the preload would build (the same `buildBridge`), wired to answers a test chooses instead of
 * main. The slices cannot tell the difference.
 */
export function fakeApi(initial: FakeHandlers = {}): FakeApi {
  const handlers: Record<string, (input: unknown) => unknown> = {};
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: Call[] = [];
  const answer = (more: FakeHandlers) => {
    Object.assign(handlers, more);
  };
  answer(initial);
  const api = buildBridge({
    invoke: (channel, input) => {
      calls.push({ channel, input });
      const handler = handlers[channel];
      if (!handler) return Promise.reject(new Error(`The test did not expect a call to ${channel}.`));
      return Promise.resolve(handler(input));
    },
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  });
  return {
    api,
    calls,
    callsTo: <C extends ChannelName>(channel: C) =>
      calls.filter((call) => call.channel === channel).map((call) => call.input as InputOf<C>),
    emit: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    answer,
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}
