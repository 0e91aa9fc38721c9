import tls from 'node:tls';
import { Agent, buildConnector, ProxyAgent, type Dispatcher } from 'undici';
import type { HttpClientOptions } from './http-client';

export interface DispatcherPool {
  /** The dispatcher for a route; `fresh` ones open a connection per request and close it after. */
  get(route: { kind: 'direct' } | { kind: 'proxy'; url: string }, fresh: boolean): Dispatcher;
  /** Closes idle connections and waits for running exchanges. */
  close(): Promise<void>;
}

/**
 * One undici dispatcher per route and kind of connection. HTTP/1.1 only: each of 15 parallel downloads gets a
 * connection (and a TCP window) of its own, and a request's bytes are written at one known moment. Through a
 * proxy every request is tunnelled (CONNECT), plain HTTP too, so TLS stays end to end and connections are
 * pooled per origin as they are without one.
 */
export function createDispatcherPool(options: HttpClientOptions): DispatcherPool {
  const cache = new Map<string, Dispatcher>();
  const timeout = options.connectTimeoutMs ?? 15_000;
  // One context for every connection: handed the list itself, Node would parse hundreds of certificates each time.
  let secureContext: tls.SecureContext | undefined;
  const tlsOptions = () => {
    secureContext ??= tls.createSecureContext({ ca: [...options.certificates()] });
    return { secureContext, allowH2: false };
  };
  const plain = buildConnector({ timeout, allowH2: false });
  let secure: buildConnector.connector | undefined;
  const connect: buildConnector.connector = (connectOptions, callback) => {
    if (connectOptions.protocol !== 'https:') {
      plain(connectOptions, callback);
      return;
    }
    secure ??= buildConnector({ timeout, ...tlsOptions() });
    secure(connectOptions, callback);
  };
  return {
    get(route: { kind: 'direct' } | { kind: 'proxy'; url: string }, fresh: boolean): Dispatcher {
      const key = `${fresh ? 'fresh' : 'pooled'} ${route.kind === 'proxy' ? route.url : 'direct'}`;
      let dispatcher = cache.get(key);
      if (!dispatcher) {
        const common = { allowH2: false, connectTimeout: timeout, ...(fresh ? { pipelining: 0 } : {}) };
        dispatcher =
          route.kind === 'direct'
            ? new Agent({ ...common, connect })
            : new ProxyAgent({
                uri: route.url,
                ...common,
                proxyTunnel: true,
                requestTls: tlsOptions(),
                proxyTls: tlsOptions(),
              });
        cache.set(key, dispatcher);
      }
      return dispatcher;
    },
    async close(): Promise<void> {
      const all = [...cache.values()];
      cache.clear();
      await Promise.all(all.map((dispatcher) => dispatcher.close()));
    },
  };
}
