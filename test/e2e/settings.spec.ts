import { expect, test } from '@playwright/test';
import { AppFrame } from './pages/app-frame';
import { SettingsPage } from './pages/settings-page';
import { openSession, type Session } from './support/session';

let session: Session;
let settings: SettingsPage;
let apiKey: string;
let apiBaseUrl: string;

test.beforeEach(async () => {
  session = await openSession({ api: { fake: undefined }, withKey: false });
  if (!session.fake) throw new Error('The session was asked for the fake API.');
  ({ apiKey, baseUrl: apiBaseUrl } = session.fake);
  settings = new SettingsPage(session.page);
  await settings.open();
});

test.afterEach(async () => {
  await session.close();
});

test('saves the key in the keychain, tests it, and removes it', async () => {
  await expect(settings.status('No API key is set yet')).toBeVisible();
  await expect(settings.keyField).toHaveAttribute('type', 'password');

  await settings.saveKey(apiKey);
  await expect(
    settings.status(`ending in ${apiKey.slice(-4)} is saved in your system keychain`),
  ).toBeVisible();
  await expect(settings.keyField).toHaveValue('');
  // The renderer learns the last four characters, never the key.
  expect(await settings.pageText()).not.toContain(apiKey);

  await settings.button('Test connection').click();
  await expect(settings.status('the key works')).toBeVisible();
  expect(session.fake?.stats.modelListings).toBe(1);

  await settings.button('Remove key').click();
  await expect(settings.status('No API key is set yet')).toBeVisible();
});

test('keeps a key with its gateway: another address asks for its own key, the old one comes back', async () => {
  await settings.saveKey(apiKey);
  const saved = `ending in ${apiKey.slice(-4)} is saved in your system keychain for ${apiBaseUrl}`;
  await expect(settings.status(saved)).toBeVisible();

  await settings.baseUrlField.fill('https://gateway.example.com');
  await settings.button('Save address').click();
  await expect(settings.status('No API key is set yet for https://gateway.example.com')).toBeVisible();
  await expect(settings.note('never sent to any other')).toBeVisible();

  await settings.baseUrlField.fill(apiBaseUrl);
  await settings.button('Save address').click();
  await expect(settings.status(saved)).toBeVisible();
  await settings.button('Test connection').click();
  await expect(settings.status('the key works')).toBeVisible();
});

test('a gateway profile picked from its list fills in its address, asks for its own key and bills in its currency', async () => {
  await settings.saveKey(apiKey);
  await expect(settings.gatewayProfile).toHaveText('CometAPI');
  await expect(settings.budgetCurrency).toHaveText('In USD, the currency CometAPI bills in.');

  await settings.chooseGatewayProfile('Volcengine Ark');
  await expect(settings.gatewayProfile).toHaveText('Volcengine Ark');
  await expect(settings.baseUrlField).toHaveValue('https://ark.cn-beijing.volces.com');
  await expect(settings.status('No API key is set yet for https://ark.cn-beijing.volces.com')).toBeVisible();
  await expect(settings.budgetCurrency).toHaveText('In CNY, the currency Volcengine Ark bills in.');

  // The key saved for the first gateway is still its own: back at that address, it is there again.
  await settings.chooseGatewayProfile('Custom (OpenAI-compatible)');
  await settings.baseUrlField.fill(apiBaseUrl);
  await settings.button('Save address').click();
  await expect(settings.status(`ending in ${apiKey.slice(-4)} is saved`)).toBeVisible();
  await expect(settings.gatewayProfile).toHaveText('Custom (OpenAI-compatible)');
});

test('explains a rejected key in plain words', async () => {
  await settings.saveKey('sk-wrong-key-000000');
  await settings.button('Test connection').click();
  await expect(settings.latestStatus(/key/i)).toContainText(/rejected|not valid|invalid/i);
});

test('keeps the gateway address and refuses one that is not https (or http on this computer)', async () => {
  await expect(settings.baseUrlField).toHaveValue(apiBaseUrl);

  await settings.baseUrlField.fill('ftp://example.com');
  await settings.button('Save address').click();
  await expect(settings.alert).toContainText('starts with https://');

  await settings.baseUrlField.fill('http://gateway.example.com');
  await settings.button('Save address').click();
  await expect(settings.alert).toContainText('only allowed for this computer');

  await settings.baseUrlField.fill('https://gateway.example.com');
  await settings.button('Save address').click();
  await expect(settings.status('Saved.')).toBeVisible();
  await new AppFrame(session.page).reload();
  await settings.open();
  await expect(settings.baseUrlField).toHaveValue('https://gateway.example.com');
});
