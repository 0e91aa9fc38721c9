import { expect, test } from '@playwright/test';
import type { FakeCometApi } from '../fake-cometapi/fake-cometapi';
import { startTestProxy, type TestProxy } from '../support/test-proxy';
import { SettingsPage } from './pages/settings-page';
import { openSession, type Session } from './support/session';

let session: Session;
let api: FakeCometApi;
let systemProxy: TestProxy;
let manualProxy: TestProxy;

test.beforeEach(async () => {
  systemProxy = await startTestProxy();
  manualProxy = await startTestProxy({ credentials: { user: 'desk', password: 'top' } });
  // api.fake.test resolves only inside the test proxies: every request to it shows which proxy carried it.
  session = await openSession({
    api: { fake: undefined, tls: { host: 'api.fake.test' } },
    env: { HTTPS_PROXY: systemProxy.url },
  });
  if (!session.fake) throw new Error('The session was asked for the fake API.');
  api = session.fake;
});

test.afterEach(async () => {
  await session.close();
  await manualProxy.close();
  await systemProxy.close();
});

test("shows the system's proxy, then tests the key through a manual one set in Settings", async () => {
  const settings = new SettingsPage(session.page);
  await settings.open();
  await expect(
    settings.status(
      `through the proxy http://127.0.0.1:${systemProxy.port}, from the system's network settings`,
    ),
  ).toBeVisible();
  await settings.button('Test connection').click();
  await expect(settings.status('the key works')).toBeVisible();
  // The key test, and the gateway's public model list the workspace reads, both go through the system's proxy.
  expect(new Set(systemProxy.stats.tunnels)).toEqual(new Set([`api.fake.test:${api.port}`]));
  const systemTunnels = systemProxy.stats.tunnels.length;

  await expect(settings.proxyField).toBeDisabled();
  await settings.proxyChoice('Use this proxy').check();
  await settings.proxyField.fill('ftp://nowhere');
  await settings.button('Save proxy').click();
  await expect(settings.alert).toContainText('http://, https:// or socks5://');

  await settings.proxyField.fill(manualProxy.url);
  await settings.button('Save proxy').click();
  await expect(
    settings.status(`through the proxy http://127.0.0.1:${manualProxy.port} set here`),
  ).toBeVisible();
  // The password stays in the field the user typed it in, never in what the app reports.
  await expect(settings.status(/top@/)).toHaveCount(0);
  await settings.button('Test connection').click();
  await expect(settings.status('the key works')).toHaveCount(1);
  await expect.poll(() => manualProxy.stats.tunnels).toEqual([`api.fake.test:${api.port}`]);
  expect(systemProxy.stats.tunnels).toHaveLength(systemTunnels);
});
