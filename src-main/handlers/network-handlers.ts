import type { HandlersOf } from '../ipc/dispatch';
import type { HttpClient } from '../network/http-client';
import { describeProxy } from '../network/proxy-choice';
import type { SettingsStore } from '../settings/settings-store';

/** Which way the gateway is reached now (direct, or which proxy), for Settings to show. */
export function networkHandlers({
  settings,
  http,
}: {
  settings: SettingsStore;
  http: HttpClient;
}): HandlersOf<'network'> {
  return {
    'network:status': async () => {
      const { proxyMode, apiBaseUrl } = settings.get();
      const route = await http.route(apiBaseUrl).catch((error: unknown) => ({
        kind: 'unusable' as const,
        reason: error instanceof Error ? error.message : String(error),
      }));
      return {
        source: proxyMode,
        proxy: route.kind === 'proxy' ? describeProxy(route.url) : null,
        problem: route.kind === 'unusable' ? route.reason : null,
      };
    },
  };
}
