import type { StateCreator } from 'zustand';
import type { ConnectionTest, KeyStatus, Settings } from '../../../src-preload/contract/ipc';
import type { AppError } from '../../../src-preload/contract/errors';
import { api, errorOf, unwrap } from '../../bridge';
import type { AppState } from '../../app/store';

export interface SettingsSlice {
  settings: Settings | null;
  keyStatus: KeyStatus | null;
  connection: ConnectionTest | null;
  settingsBusy: 'saving-key' | 'removing-key' | 'testing' | 'saving-settings' | null;
  settingsError: AppError | null;
  loadSettings: () => Promise<void>;
  saveKey: (key: string, sessionOnly: boolean) => Promise<boolean>;
  removeKey: () => Promise<void>;
  testConnection: () => Promise<void>;
  updateSettings: (patch: Partial<Settings>) => Promise<boolean>;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => {
  async function run<T>(busy: SettingsSlice['settingsBusy'], action: () => Promise<T>): Promise<T | null> {
    set({ settingsBusy: busy, settingsError: null });
    try {
      return await action();
    } catch (thrown) {
      set({ settingsError: errorOf(thrown) });
      return null;
    } finally {
      set({ settingsBusy: null });
    }
  }

  return {
    settings: null,
    keyStatus: null,
    connection: null,
    settingsBusy: null,
    settingsError: null,
    loadSettings: async () => {
      const [settings, keyStatus] = await Promise.all([unwrap(api.settings.get()), unwrap(api.key.status())]);
      set({ settings, keyStatus });
    },
    saveKey: async (key, sessionOnly) => {
      const keyStatus = await run('saving-key', () => unwrap(api.key.save({ key, sessionOnly })));
      if (keyStatus) set({ keyStatus, connection: null });
      return keyStatus !== null;
    },
    removeKey: async () => {
      const keyStatus = await run('removing-key', () => unwrap(api.key.remove()));
      if (keyStatus) set({ keyStatus, connection: null });
    },
    testConnection: async () => {
      set({ connection: null });
      const connection = await run('testing', () => unwrap(api.key.test()));
      if (connection) set({ connection });
    },
    updateSettings: async (patch) => {
      const saved = await run('saving-settings', async () => {
        const settings = await unwrap(api.settings.update(patch));
        // Keys belong to a gateway, so a new address may have a different key, or none.
        const keyStatus = patch.apiBaseUrl === undefined ? null : await unwrap(api.key.status());
        return { settings, keyStatus };
      });
      if (saved) set(saved.keyStatus ? { ...saved, connection: null } : { settings: saved.settings });
      return saved !== null;
    },
  };
};
