import { expect, test } from '@playwright/test';
import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { GeneratePage } from './pages/generate-page';
import { SettingsPage } from './pages/settings-page';
import { openSession, type Session } from './support/session';

let session: Session;

test.afterEach(async () => {
  await session.close();
});

test('without a key, the welcome screen checks one with the gateway and goes straight on to Generate', async () => {
  session = await openSession({ api: { fake: undefined }, withKey: false });
  const fake = session.fake;
  if (!fake) throw new Error('The session was asked for the fake API.');
  const welcome = new FirstRunPage(session.page);
  await welcome.expectShown();
  await expect(welcome.getKey).toHaveAttribute('href', 'https://www.cometapi.com/');

  await welcome.verifyKey('sk-not-this-one-0000');
  await expect(welcome.problem).toContainText('rejected this key, so it was not saved');
  await expect(welcome.saveAnyway).toHaveCount(0);
  expect(fake.stats.modelListings).toBe(1);

  await welcome.verifyKey(fake.apiKey);
  const generate = new GeneratePage(session.page);
  await expect(session.page.getByRole('heading', { level: 1, name: 'Generate' })).toBeVisible();
  await expect(generate.prompt).toBeFocused();
  await expect(session.page.getByRole('status').filter({ hasText: 'The key works' })).toBeVisible();
  await generate.generate('a red fox in fresh snow');
  await expect(generate.jobStatus()).toHaveText(/Saved 1 image/);

  const settings = new SettingsPage(session.page);
  await settings.open();
  await expect(
    settings.status(`ending in ${fake.apiKey.slice(-4)} is saved in your system keychain`),
  ).toBeVisible();
});

test('an unreachable gateway is explained, and the key is saved unchecked only when asked', async () => {
  session = await openSession({ withKey: false });
  const welcome = new FirstRunPage(session.page);
  await welcome.verifyKey('sk-offline-key-5555');
  await expect(welcome.problem).toContainText('could not be checked');
  await expect(welcome.heading).toBeVisible();
  await welcome.saveAnyway.click();
  await new AppFrame(session.page).expectView('Generate');
  await expect(new GeneratePage(session.page).generateButton).toBeEnabled();
});

test('Not now leads to a Generate that says why it cannot run and how to fix it', async () => {
  session = await openSession({ api: { fake: undefined }, withKey: false });
  const welcome = new FirstRunPage(session.page);
  await welcome.notNow.click();
  const generate = new GeneratePage(session.page);
  await new AppFrame(session.page).expectView('Generate');
  await expect(generate.generateButton).toBeDisabled();
  await expect(generate.generateButton).toHaveAccessibleDescription(
    /needs an API key for http:\/\/127\.0\.0\.1/,
  );
  await generate.prompt.fill('a red fox in fresh snow');
  await generate.prompt.press('Control+Enter');
  await session.page.getByRole('button', { name: 'Add API key' }).click();
  await welcome.expectShown();
  expect(session.fake?.stats.generationPosts).toBe(0);
});
