/**
 * Where the API key is kept. An interface so the keytar-backed store (keytar is archived upstream) can be
 * swapped for Electron's safeStorage or another backend without touching the key service.
 */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** True when something was deleted. */
  delete(account: string): Promise<boolean>;
}

/** The store cannot be reached at all; `message` explains why in plain words. */
export class SecretStoreUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretStoreUnavailable';
  }
}

/** Keeps secrets for this run only: the fallback when no keychain is reachable, and a fake for tests. */
export class MemorySecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>();

  get(account: string): Promise<string | null> {
    return Promise.resolve(this.secrets.get(account) ?? null);
  }

  set(account: string, secret: string): Promise<void> {
    this.secrets.set(account, secret);
    return Promise.resolve();
  }

  delete(account: string): Promise<boolean> {
    return Promise.resolve(this.secrets.delete(account));
  }
}
