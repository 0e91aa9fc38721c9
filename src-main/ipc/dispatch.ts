import { ZodError } from 'zod';
import { AppFailure, appError, type AppError, type Result } from '../../src-preload/contract/errors';
import {
  channels,
  type ChannelName,
  type OutputOf,
  type ParsedInputOf,
} from '../../src-preload/contract/ipc';

/** A handler for every channel of the contract: one left out does not compile. */
export type Handlers = {
  [C in ChannelName]: (input: ParsedInputOf<C>) => Promise<OutputOf<C>> | OutputOf<C>;
};

/**
 * The handlers of some domains' channels (`'library'` is every `library:*` channel). A domain's handler module
 * returns exactly these, so a channel added to the contract does not compile until its domain handles it.
 */
export type HandlersOf<Domain extends string> = Pick<Handlers, Extract<ChannelName, `${Domain}:${string}`>>;

/** Who sent a request, as Electron's senderFrame (or the Chromium driver's binding source) describes it. */
export interface Sender {
  url: string;
  isMainFrame: boolean;
}

export type Dispatch = (channel: string, input: unknown, sender: Sender) => Promise<Result<unknown>>;

export interface DispatchOptions {
  isTrustedSender: (sender: Sender) => boolean;
  /** Unexpected errors are logged here with their stack; the renderer only gets a readable message. */
  logError: (channel: string, error: unknown) => void;
}

function isChannel(name: string): name is ChannelName {
  return Object.hasOwn(channels, name);
}

function describeZodError(error: ZodError): AppError {
  const first = error.issues[0];
  const field = first?.path.map(String).join('.') ?? '';
  const message = first ? first.message : 'The request was not understood.';
  return appError('invalid-input', field ? `${field}: ${message}` : message, field ? { field } : {});
}

/**
 * The one place every renderer request passes: check the sender, parse the input against the contract, run the
 * handler, and turn any failure into a `{code, message}` value.
 */
export function createDispatch(handlers: Handlers, options: DispatchOptions): Dispatch {
  return async (channel, input, sender) => {
    if (!options.isTrustedSender(sender)) {
      return {
        ok: false,
        error: appError('forbidden-sender', 'This request did not come from Seedream Studio.'),
      };
    }
    if (!isChannel(channel)) {
      return { ok: false, error: appError('unknown-channel', `There is no request called "${channel}".`) };
    }
    const parsed = channels[channel].input.safeParse(input);
    if (!parsed.success) {
      return { ok: false, error: describeZodError(parsed.error) };
    }
    try {
      // Each handler is paired with its own channel's schema above; the union cannot be narrowed per key.
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppFailure) return { ok: false, error: error.appError };
      options.logError(channel, error);
      return {
        ok: false,
        error: appError('internal', 'Something went wrong inside Seedream Studio. Details are in the log.'),
      };
    }
  };
}
