import { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import type { IncomingHttpHeaders } from 'undici/types/header';
import type { ChunkHandler, HttpRequest, HttpResponse } from './http-client';
import type { RawTarget } from './raw-url';
import { abortedCode, invalidUrlCode, TransportError, type TransportPhase } from './transport-error';
import { transportErrorOf } from './undici-errors';

function originOf(target: RawTarget): string {
  const host = target.hostname.includes(':') ? `[${target.hostname}]` : target.hostname;
  return `${target.protocol}//${host}:${target.port}`;
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/**
 * One request through undici's handler API: the phase of a failure comes from when undici starts writing
 * (`onRequestStart`), the head resolves as soon as it arrives, and the body is fed to its consumer with
 * backpressure (a pending promise from the consumer pauses the transfer).
 */
export function exchange(
  dispatcher: Dispatcher,
  request: HttpRequest,
  target: RawTarget,
  proxy: string | undefined,
): Promise<HttpResponse> {
  const host = target.hostname;
  return new Promise<HttpResponse>((resolveHead, rejectHead) => {
    let phase: TransportPhase = 'connect';
    let controller: Dispatcher.DispatchController | undefined;
    let headSettled = false;
    /** The first failure, whoever saw it; later ones are consequences. */
    let failure: Error | undefined;
    let ended = false;
    /** Body pieces that came before `consume` was called. */
    const early: Buffer[] = [];
    let consumer:
      | { onChunk: ChunkHandler; resolve: () => void; reject: (error: Error) => void; pending: number }
      | undefined;

    const cleanup = () => request.signal?.removeEventListener('abort', onAbort);
    const fail = (error: Error) => {
      if (failure) return;
      failure = error;
      cleanup();
      controller?.abort(error);
      if (!headSettled) {
        headSettled = true;
        rejectHead(error);
      } else consumer?.reject(error);
    };
    const finishBody = () => {
      if (!consumer || !ended || consumer.pending > 0 || failure) return;
      cleanup();
      consumer.resolve();
    };
    const deliver = (chunk: Buffer) => {
      const current = consumer;
      if (!current) return;
      let pending: Promise<void> | undefined;
      try {
        pending = current.onChunk(chunk);
      } catch (error) {
        fail(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (!pending) return;
      current.pending += 1;
      controller?.pause();
      pending.then(
        () => {
          current.pending -= 1;
          if (current.pending === 0 && !failure) controller?.resume();
          finishBody();
        },
        (error: unknown) => {
          fail(error instanceof Error ? error : new Error(String(error)));
        },
      );
    };
    function onAbort() {
      fail(new TransportError(phase, abortedCode, host, request.signal?.reason, { proxy }));
    }
    request.signal?.addEventListener('abort', onAbort, { once: true });

    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(started) {
        controller = started;
        // From here on the request is being written: the server may get it.
        phase = 'sent';
        if (failure) started.abort(failure);
      },
      onRequestSent() {
        request.onSent?.();
      },
      onResponseStart(started, status, headers) {
        controller = started;
        if (failure) return;
        // Nothing is read until someone takes the body.
        started.pause();
        headSettled = true;
        resolveHead({
          status,
          headers: flatHeaders(headers),
          consume(onChunk) {
            if (consumer) return Promise.reject(new Error('The body was already read.'));
            return new Promise<void>((resolve, reject) => {
              consumer = { onChunk, resolve, reject, pending: 0 };
              if (failure) {
                reject(failure);
                return;
              }
              for (const chunk of early.splice(0)) deliver(chunk);
              if (consumer.pending === 0) started.resume();
              finishBody();
            });
          },
          discard() {
            fail(new TransportError('sent', abortedCode, host, undefined, { proxy }));
          },
        });
      },
      onResponseData(_controller, chunk) {
        // undici hands over an empty piece when a paused parser resumes; taking it would pause it again, forever.
        if (failure || chunk.length === 0) return;
        if (consumer) deliver(chunk);
        else early.push(chunk);
      },
      onResponseEnd() {
        ended = true;
        finishBody();
      },
      onResponseError(_controller, error) {
        fail(failure ?? transportErrorOf(error, { phase, host, proxy, bodyStarted: headSettled }));
      },
    };

    const body = request.body ?? [];
    const length = body.reduce((sum, part) => sum + Buffer.byteLength(part), 0);
    try {
      dispatcher.dispatch(
        {
          origin: originOf(target),
          path: target.path,
          method: request.method,
          headers: {
            ...request.headers,
            ...(request.method === 'POST' ? { 'content-length': String(length) } : {}),
          },
          body: body.length <= 1 ? (body[0] ?? null) : Readable.from(body),
          // undici's defaults would end a generation that takes more than five minutes to start answering.
          headersTimeout: request.idleTimeoutMs ?? 0,
          bodyTimeout: request.idleTimeoutMs ?? 0,
        },
        handler,
      );
    } catch (error) {
      fail(new TransportError('connect', invalidUrlCode, host, error, { proxy }));
    }
  });
}
