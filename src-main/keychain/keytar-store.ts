import { SecretStoreUnavailable, type SecretStore } from './secret-store';

export const keychainServiceName = 'Seedream Studio';

interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

function isKeytarApi(value: unknown): value is KeytarApi {
  if (typeof value !== 'object' || value === null) return false;
  return ['getPassword', 'setPassword', 'deletePassword'].every(
    (name) => typeof (value as Record<string, unknown>)[name] === 'function',
  );
}

/** Loaded on first use, so a missing native library becomes an explanation instead of a crash at start. */
async function loadKeytar(): Promise<KeytarApi> {
  const loaded: unknown = await import('keytar');
  const candidate =
    typeof loaded === 'object' && loaded !== null && 'default' in loaded ? loaded.default : loaded;
  if (!isKeytarApi(candidate)) throw new Error('keytar did not load');
  return candidate;
}

/** Loads keytar's native module, or throws why not (the packaged smoke test's keychain step). */
export async function checkKeytarLoads(): Promise<void> {
  await loadKeytar();
}

const sessionOnlyHint =
  'You can use the key for this session only; it is kept in memory and forgotten when the app quits.';

/** Turns the errors keytar and libsecret raise into a sentence a user can act on. */
export function explainKeychainFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|D-Bus|org\.freedesktop\.secrets/i.test(text)) {
    return (
      'No keychain is available: Seedream Studio stores the key through the Secret Service (GNOME Keyring or ' +
      'KWallet), and this session has none running ("Cannot autolaunch D-Bus" means there is no desktop ' +
      `session bus to reach it). ${sessionOnlyHint}`
    );
  }
  if (/locked|unlock|prompt.*dismissed|cancel/i.test(text)) {
    return `The keychain is locked or the unlock was cancelled. Unlock it and try again. ${sessionOnlyHint}`;
  }
  if (/keytar did not load|Cannot find module|\.node|libsecret/i.test(text)) {
    return `The keychain library could not be loaded on this system. ${sessionOnlyHint}`;
  }
  return `The keychain could not be used. ${sessionOnlyHint}`;
}

/**
 * The OS keychain through keytar (macOS Keychain, Windows Credential Manager, Linux Secret Service). `service`
 * is the entry's service name; tests give each app instance its own so they never share a key.
 */
export function createKeytarStore(
  load: () => Promise<KeytarApi> = loadKeytar,
  service: string = keychainServiceName,
): SecretStore {
  let api: Promise<KeytarApi> | undefined;
  const call = async <T>(use: (keytar: KeytarApi) => Promise<T>): Promise<T> => {
    try {
      api ??= load();
      return await use(await api);
    } catch (error) {
      throw new SecretStoreUnavailable(explainKeychainFailure(error));
    }
  };
  return {
    get: (account) => call((keytar) => keytar.getPassword(service, account)),
    set: (account, secret) => call((keytar) => keytar.setPassword(service, account, secret)),
    delete: (account) => call((keytar) => keytar.deletePassword(service, account)),
  };
}
