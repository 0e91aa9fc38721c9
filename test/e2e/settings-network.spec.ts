import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startFakeCometApi, type FakeCometApi } from '../fake-cometapi/fake-cometapi';
import { testTls } from '../support/http-client';
import { startTestProxy, type TestProxy } from '../support/test-proxy';
import { launchApp, type LaunchedApp } from './launch';
import { SettingsPage } from './pages/settings-page';
import { temporaryUserData } from './support/fixtures';

let api: FakeCometApi;
let systemProxy: TestProxy;
let manualProxy: TestProxy;
let app: LaunchedApp;
let userData: ReturnType<typeof temporaryUserData>;

test.beforeEach(async () => {
  api = await startFakeCometApi({ tls: testTls });
  systemProxy = await startTestProxy();
  manualProxy = await startTestProxy({ credentials: { user: 'desk', password: 'top' } });
  userData = temporaryUserData();
  const authority = join(userData.dir, 'test-authority.pem');
  writeFileSync(authority, testTls.cert);
  // api.fake.test resolves only inside the test proxies: every request to it shows which proxy carried it.
  app = await launchApp({
    apiBaseUrl: `https://api.fake.test:${api.port}`,
    userDataDir: userData.dir,
    env: {
      COMETAPI_KEY: api.apiKey,
      HTTPS_PROXY: systemProxy.url,
      NODE_EXTRA_CA_CERTS: authority,
    },
  });
});

test.afterEach(async () => {
  await app.close();
  await manualProxy.close();
  await systemProxy.close();
  await api.stop();
  userData.remove();
});

test("shows the system's proxy, then tests the key through a manual one set in Settings", async () => {
  const settings = new SettingsPage(app.page);
  await settings.open();
  await expect(
    settings.status(
      `through the proxy http://127.0.0.1:${systemProxy.port}, from the system's network settings`,
    ),
  ).toBeVisible();
  await settings.button('Test connection').click();
  await expect(settings.status('the key works')).toBeVisible();
  expect(systemProxy.stats.tunnels).toEqual([`api.fake.test:${api.port}`]);

  await expect(settings.proxyField).toBeDisabled();
  await settings.proxyChoice('Use this proxy').check();
  await settings.proxyField.fill('ftp://nowhere');
  await settings.button('Save proxy').click();
  await expect(app.page.getByRole('alert')).toContainText('http://, https:// or socks5://');

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
  expect(systemProxy.stats.tunnels).toHaveLength(1);
});
