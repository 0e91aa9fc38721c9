import { describe, expect, it } from 'vitest';
import { createKeyService } from '../../src-main/keychain/key-service';
import { createKeytarStore } from '../../src-main/keychain/keytar-store';
import { useHttpClient } from '../support/http-client';

// Each test file runs in its own process, so this one can hide the session bus from libsecret before keytar
// first connects: that is the situation of a Linux machine without a Secret Service.
delete process.env.DBUS_SESSION_BUS_ADDRESS;
delete process.env.DISPLAY;
delete process.env.XDG_RUNTIME_DIR;

const client = useHttpClient();

describe.runIf(process.platform === 'linux')('without a Secret Service', () => {
  it('reports the keychain unavailable in plain words instead of crashing, and works for the session', async () => {
    const keys = createKeyService({
      http: client.http,
      store: createKeytarStore(),
      env: {},
      baseUrl: () => 'http://127.0.0.1:1',
    });
    const status = await keys.status();
    expect(status).toMatchObject({ source: 'none', keychainAvailable: false });
    expect(status.keychainProblem).toContain('Cannot autolaunch D-Bus');
    expect(status.keychainProblem).toContain('this session only');
    await expect(keys.save('sk-session-only-key-7777')).rejects.toMatchObject({
      appError: { code: 'keychain-unavailable' },
    });
    expect(await keys.save('sk-session-only-key-7777', { sessionOnly: true })).toMatchObject({
      source: 'session',
      last4: '7777',
    });
  });
});
