import { expect, test } from '@playwright/test';
import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { SettingsPage } from './pages/settings-page';
import { openSession, type Session } from './support/session';

let session: Session;
let frame: AppFrame;
let welcome: FirstRunPage;

test.beforeEach(async () => {
  // Nothing answers at the API's address: the frame must not need the API to open.
  session = await openSession();
  frame = new AppFrame(session.page);
  welcome = new FirstRunPage(session.page);
});

test.afterEach(async () => {
  await session.close();
});

test('opens on Generate (the welcome screen while there is no key) and navigates between the views', async () => {
  await welcome.expectShown();
  await expect(frame.link('Generate')).toHaveAttribute('aria-current', 'page');

  await frame.go('Library');
  await frame.expectView('Library');
  await expect(frame.link('Library')).toHaveAttribute('aria-current', 'page');

  await frame.go('Edit');
  await frame.expectView('Edit');
  await expect(frame.link('Edit')).toHaveAttribute('aria-current', 'page');

  await frame.go('Settings');
  await frame.expectView('Settings');
  await expect(new SettingsPage(session.page).baseUrlField).toHaveValue('http://127.0.0.1:9');
});

test('switches views with keyboard shortcuts', async () => {
  await welcome.expectShown();
  await frame.press('Control+2');
  await frame.expectView('Library');
  await frame.press('Control+3');
  await frame.expectView('Edit');
  await frame.press('Control+,');
  await frame.expectView('Settings');
  await frame.press('Control+1');
  await welcome.expectShown();
});

test('? lists the keyboard shortcuts, and Escape puts the dialog away', async () => {
  await welcome.expectShown();
  await frame.press('?');
  await expect(frame.shortcuts).toBeVisible();
  await expect(frame.shortcut('Go to the library')).toBeVisible();
  await expect(frame.shortcut('Move to the trash')).toBeVisible();
  await frame.press('Escape');
  await expect(frame.shortcuts).toHaveCount(0);
});

test('switches the language at once, everywhere, without a reload', async () => {
  const settings = new SettingsPage(session.page);
  await settings.open();
  await settings.chooseLanguage('简体中文');
  await expect(
    session.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '图库' }),
  ).toBeVisible();
  await expect(session.page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  await frame.press('Control+2');
  await expect(session.page.getByRole('heading', { level: 1, name: '图库' })).toBeVisible();
  await expect(session.page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await frame.press('Control+,');
  await settings.chooseLanguage('English');
  await frame.expectView('Settings');
  await expect(frame.link('Library')).toBeVisible();
});

test('keeps the page inside the app: no new windows, no navigation away', async () => {
  await welcome.expectShown();
  expect(await frame.bridgeDomains()).toEqual([
    'balance',
    'collections',
    'desktop',
    'edit',
    'generation',
    'key',
    'library',
    'models',
    'network',
    'on',
    'prompts',
    'queue',
    'referenceSets',
    'references',
    'settings',
    'tags',
    'usage',
  ]);
  expect(await frame.hasRequire()).toBe(false);
});
