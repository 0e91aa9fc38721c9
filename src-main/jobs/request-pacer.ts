import { abortableSleep, type Sleep } from '../generation/download';

export interface PacerOptions {
  /** Requests allowed in any window of `windowMs`; read at every request, so a change in Settings applies. */
  limit: () => number;
  windowMs?: number;
  now?: () => number;
  sleep?: Sleep;
}

export interface RequestPacer {
  /** Resolves when a request may go out (and counts it); rejects when `signal` aborts first. */
  turn(signal?: AbortSignal): Promise<void>;
  /** Nobody sends before `until` (Unix ms): the service answered 429. Only ever moves later. */
  backOff(until: number): void;
  /** The time requests wait for after a 429, or null once it has passed. */
  backoffUntil(): number | null;
}

/**
 * The queue's one door to the service: a sliding-window rate limit over every request it sends (first POSTs and
 * repeats after a 429 alike) and a back-off all items share, so one 429 slows the whole queue down rather than
 * letting the other items run into the same wall.
 */
export function createRequestPacer(options: PacerOptions): RequestPacer {
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const sent: number[] = [];
  let pausedUntil = 0;

  /** 0 when a request may go now (and it is counted), else how long to wait before asking again. */
  function reserve(at: number): number {
    if (pausedUntil > at) return pausedUntil - at;
    while (sent.length > 0 && (sent[0] ?? 0) <= at - windowMs) sent.shift();
    const limit = Math.max(1, Math.floor(options.limit()));
    if (sent.length < limit) {
      sent.push(at);
      return 0;
    }
    return (sent[sent.length - limit] ?? at) + windowMs - at;
  }

  return {
    async turn(signal) {
      for (;;) {
        signal?.throwIfAborted();
        const wait = reserve(now());
        if (wait <= 0) return;
        await sleep(wait, signal);
      }
    },
    backOff(until) {
      pausedUntil = Math.max(pausedUntil, until);
    },
    backoffUntil: () => (pausedUntil > now() ? pausedUntil : null),
  };
}
