import type { z } from 'zod';

/**
 * A request channel: the input is a zod schema because main must parse whatever the untrusted renderer sends;
 * the output is only a type because it comes from main, which we trust.
 */
export interface RequestChannel<I extends z.ZodType, O> {
  readonly input: I;
  /** Phantom field: carries the output type, never set at run time. */
  readonly output?: O;
}

export function request<O>() {
  return <I extends z.ZodType>(input: I): RequestChannel<I, O> => ({ input });
}

/** A main-to-renderer event; payloads come from main, so they are typed but not parsed. */
export interface EventChannel<P> {
  readonly payload?: P;
}

export function event<P>(): EventChannel<P> {
  return {};
}
