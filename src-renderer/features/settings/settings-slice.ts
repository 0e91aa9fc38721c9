import type { StateCreator } from 'zustand';
import type {
  ConnectionTest,
  KeyStatus,
  KeyVerification,
  NetworkStatus,
  Settings,
} from '../../../src-preload/contract/ipc';
import type { AppError, Result } from '../../../src-preload/contract/errors';
import type { AppServices } from '../../app/services';
import type { AppState } from '../../app/store';
import { allOk } from '../../result';

export interface SettingsSlice {
  settings: Settings | null;
  keyStatus: KeyStatus | null;
  connection: ConnectionTest | null;
  /** The way to the gateway: direct or which proxy, and why the proxy settings cannot be used. */
  networkStatus: NetworkStatus | null;
  settingsBusy: 'saving-key' | 'verifying-key' | 'removing-key' | 'testing' | 'saving-settings' | null;
  /** What the gateway said about the key last checked with `verifyKey`. */
  keyVerification: KeyVerification | null;
  settingsError: AppError | null;
  loadSettings: () => Promise<void>;
  saveKey: (key: string, sessionOnly: boolean) => Promise<boolean>;
  /** Checks a new key with the gateway and saves it if it is accepted (or unchecked, when asked). */
  verifyKey: (
    key: string,
    options: { sessionOnly: boolean; saveUnverified: boolean },
  ) => Promise<KeyVerification | null>;
  removeKey: () => Promise<void>;
  testConnection: () => Promise<void>;
  updateSettings: (patch: Partial<Settings>) => Promise<boolean>;
  /** Follows settings main changes (from this window or another); returns the function that stops it. */
  watchSettings: () => () => void;
}

export const createSettingsSlice =
  ({ api }: Pick<AppServices, 'api'>): StateCreator<AppState, [], [], SettingsSlice> =>
  (set, get) => {
    /** Asked again after each settings change: the gateway or the proxy may be another now. */
    async function loadNetworkStatus(): Promise<void> {
      const status = await api.network.status();
      if (status.ok) set({ networkStatus: status.value });
      else set({ settingsError: status.error });
    }

    /** Runs one call with the busy state shown; a failure is kept for the view, and answers null. */
    async function run<T>(
      busy: SettingsSlice['settingsBusy'],
      call: () => Promise<Result<T>>,
    ): Promise<T | null> {
      set({ settingsBusy: busy, settingsError: null });
      const result = await call();
      set({ settingsBusy: null });
      if (result.ok) return result.value;
      set({ settingsError: result.error });
      return null;
    }

    /** Saves settings; keys belong to a gateway, so a new address may have a different key, or none. */
    async function save(
      patch: Partial<Settings>,
    ): Promise<Result<{ settings: Settings; keyStatus: KeyStatus | null }>> {
      const settings = await api.settings.update(patch);
      if (!settings.ok) return settings;
      // A gateway profile brings its own address, and so maybe another key.
      if (patch.apiBaseUrl === undefined && patch.gatewayKind === undefined)
        return { ok: true, value: { settings: settings.value, keyStatus: null } };
      const keyStatus = await api.key.status();
      if (!keyStatus.ok) return keyStatus;
      return { ok: true, value: { settings: settings.value, keyStatus: keyStatus.value } };
    }

    return {
      settings: null,
      keyStatus: null,
      connection: null,
      networkStatus: null,
      settingsBusy: null,
      keyVerification: null,
      settingsError: null,
      loadSettings: async () => {
        const results = await Promise.all([api.settings.get(), api.key.status()]);
        const loaded = allOk(results);
        if (!loaded.ok) {
          set({ settingsError: loaded.error });
          return;
        }
        const [settings, keyStatus] = loaded.value;
        set({ settings, keyStatus });
        await loadNetworkStatus();
      },
      saveKey: async (key, sessionOnly) => {
        const keyStatus = await run('saving-key', () => api.key.save({ key, sessionOnly }));
        if (keyStatus) set({ keyStatus, connection: null });
        return keyStatus !== null;
      },
      verifyKey: async (key, options) => {
        set({ keyVerification: null });
        const verification = await run('verifying-key', () => api.key.verify({ key, ...options }));
        if (verification)
          set({ keyVerification: verification, keyStatus: verification.status, connection: null });
        return verification;
      },
      removeKey: async () => {
        const keyStatus = await run('removing-key', () => api.key.remove());
        if (keyStatus) set({ keyStatus, connection: null });
      },
      testConnection: async () => {
        set({ connection: null });
        const connection = await run('testing', () => api.key.test());
        if (connection) set({ connection });
      },
      updateSettings: async (patch) => {
        const saved = await run('saving-settings', () => save(patch));
        if (saved) {
          set(saved.keyStatus ? { ...saved, connection: null } : { settings: saved.settings });
          await loadNetworkStatus();
        }
        return saved !== null;
      },
      watchSettings: () =>
        api.on('settings:changed', (settings) => {
          const before = get().settings;
          set({ settings });
          // A key belongs to its gateway: another address may have another key, or none.
          if (before && before.apiBaseUrl !== settings.apiBaseUrl) {
            void api.key.status().then((status) => {
              if (status.ok) set({ keyStatus: status.value, connection: null });
            });
          }
        }),
    };
  };
