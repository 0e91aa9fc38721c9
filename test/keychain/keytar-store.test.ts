import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeytarStore, explainKeychainFailure } from '../../src-main/keychain/keytar-store';
import { SecretStoreUnavailable } from '../../src-main/keychain/secret-store';

/**
 * Runs against the real OS keychain. `npm test` provides one on Linux (test/support/with-keyring.sh starts a
 * private D-Bus session with a throwaway GNOME Keyring); without a session bus the store must explain itself.
 */
const hasSessionBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS) || process.platform !== 'linux';

describe('keytar store', () => {
  it('round-trips a secret through the OS keychain, or explains why it cannot', async () => {
    const store = createKeytarStore();
    const account = `test-${randomUUID()}`;
    const secret = `sk-${randomUUID()}`;
    if (!hasSessionBus) {
      const failure = await store.set(account, secret).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(SecretStoreUnavailable);
      expect((failure as Error).message).toContain('Cannot autolaunch D-Bus');
      return;
    }
    try {
      await store.set(account, secret);
      expect(await store.get(account)).toBe(secret);
      await store.set(account, `${secret}-replaced`);
      expect(await store.get(account)).toBe(`${secret}-replaced`);
    } finally {
      expect(await store.delete(account)).toBe(true);
    }
    expect(await store.get(account)).toBeNull();
    expect(await store.delete(account)).toBe(false);
  });
});

describe('explainKeychainFailure', () => {
  it('explains the usual keytar failures in plain words', () => {
    expect(explainKeychainFailure(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'))).toMatch(
      /Secret Service.*this session only/s,
    );
    expect(
      explainKeychainFailure(
        new Error('The name org.freedesktop.secrets was not provided by any .service files'),
      ),
    ).toContain('GNOME Keyring');
    expect(explainKeychainFailure(new Error('Cannot create an item in a locked collection'))).toContain(
      'locked',
    );
    expect(explainKeychainFailure(new Error('something else'))).toContain('could not be used');
  });
});
