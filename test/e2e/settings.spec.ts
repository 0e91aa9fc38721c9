import { expect, test } from '@playwright/test';
import { startFakeCometApi, type FakeCometApi } from '../fake-cometapi/fake-cometapi';
import { launchApp, type LaunchedApp } from './launch';
import { SettingsPage } from './pages/settings-page';
import { temporaryUserData } from './support/fixtures';

let api: FakeCometApi;
let app: LaunchedApp;
let userData: ReturnType<typeof temporaryUserData>;

test.beforeEach(async () => {
  api = await startFakeCometApi();
  userData = temporaryUserData();
  app = await launchApp({ apiBaseUrl: api.baseUrl, userDataDir: userData.dir });
});

test.afterEach(async () => {
  await app.close();
  await api.stop();
  userData.remove();
});

test('saves the key in the keychain, tests it, and removes it', async () => {
  const settings = new SettingsPage(app.page);
  await settings.open();
  await expect(settings.status('No API key is set yet')).toBeVisible();
  await expect(settings.keyField).toHaveAttribute('type', 'password');

  await settings.saveKey(api.apiKey);
  await expect(
    settings.status(`ending in ${api.apiKey.slice(-4)} is saved in your system keychain`),
  ).toBeVisible();
  await expect(settings.keyField).toHaveValue('');
  // The renderer learns the last four characters, never the key.
  const pageText = await app.page.content();
  expect(pageText).not.toContain(api.apiKey);

  await settings.button('Test connection').click();
  await expect(settings.status('the key works')).toBeVisible();
  expect(api.stats.modelListings).toBe(1);

  await settings.button('Remove key').click();
  await expect(settings.status('No API key is set yet')).toBeVisible();
});

test('keeps a key with its gateway: another address asks for its own key, the old one comes back', async () => {
  const settings = new SettingsPage(app.page);
  await settings.open();
  await settings.saveKey(api.apiKey);
  const saved = `ending in ${api.apiKey.slice(-4)} is saved in your system keychain for ${api.baseUrl}`;
  await expect(settings.status(saved)).toBeVisible();

  await settings.baseUrlField.fill('https://gateway.example.com');
  await settings.button('Save address').click();
  await expect(settings.status('No API key is set yet for https://gateway.example.com')).toBeVisible();
  await expect(app.page.getByRole('note').filter({ hasText: 'never sent to any other' })).toBeVisible();

  await settings.baseUrlField.fill(api.baseUrl);
  await settings.button('Save address').click();
  await expect(settings.status(saved)).toBeVisible();
  await settings.button('Test connection').click();
  await expect(settings.status('the key works')).toBeVisible();
});

test('explains a rejected key in plain words', async () => {
  const settings = new SettingsPage(app.page);
  await settings.open();
  await settings.saveKey('sk-wrong-key-000000');
  await settings.button('Test connection').click();
  await expect(app.page.getByRole('status').filter({ hasText: /key/i }).last()).toContainText(
    /rejected|not valid|invalid/i,
  );
});

test('keeps the gateway address and refuses one that is not https (or http on this computer)', async () => {
  const settings = new SettingsPage(app.page);
  await settings.open();
  await expect(settings.baseUrlField).toHaveValue(api.baseUrl);

  await settings.baseUrlField.fill('ftp://example.com');
  await settings.button('Save address').click();
  await expect(app.page.getByRole('alert')).toContainText('starts with https://');

  await settings.baseUrlField.fill('http://gateway.example.com');
  await settings.button('Save address').click();
  await expect(app.page.getByRole('alert')).toContainText('only allowed for this computer');

  await settings.baseUrlField.fill('https://gateway.example.com');
  await settings.button('Save address').click();
  await expect(settings.status('Saved.')).toBeVisible();
  await app.page.reload();
  await settings.open();
  await expect(settings.baseUrlField).toHaveValue('https://gateway.example.com');
});
