import { expect, test } from '@playwright/test';
import { launchApp, type LaunchedApp } from './launch';
import { temporaryUserData } from './support/fixtures';

let app: LaunchedApp;
let userData: ReturnType<typeof temporaryUserData>;

test.beforeEach(async () => {
  userData = temporaryUserData();
  // Nothing listens on the discard port: the frame must not need the API to open.
  app = await launchApp({ apiBaseUrl: 'http://127.0.0.1:9', userDataDir: userData.dir });
});

test.afterEach(async () => {
  await app.close();
  userData.remove();
});

test('opens on Generate and navigates between the three views', async () => {
  const { page } = app;
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(page.getByRole('heading', { level: 1, name: 'Generate' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Generate' })).toHaveAttribute('aria-current', 'page');

  await nav.getByRole('link', { name: 'Library' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Library' })).toHaveAttribute('aria-current', 'page');

  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'API base URL' })).toHaveValue('http://127.0.0.1:9');
});

test('switches views with keyboard shortcuts', async () => {
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Generate' })).toBeVisible();
  await page.keyboard.press('Control+2');
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await page.keyboard.press('Control+,');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.keyboard.press('Control+1');
  await expect(page.getByRole('heading', { level: 1, name: 'Generate' })).toBeVisible();
});

test('keeps the page inside the app: no new windows, no navigation away', async () => {
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Generate' })).toBeVisible();
  const api = await page.evaluate(() =>
    Object.keys((globalThis as unknown as { seedream: object }).seedream).sort(),
  );
  expect(api).toEqual([
    'collections',
    'desktop',
    'generation',
    'key',
    'library',
    'on',
    'references',
    'settings',
    'tags',
  ]);
  const hasNode = await page.evaluate(() => typeof (globalThis as { require?: unknown }).require);
  expect(hasNode).toBe('undefined');
});
