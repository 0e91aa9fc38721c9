import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { launchApp, type LaunchedApp } from './launch';
import { imageIdsOf, seedLibrary } from './library-seed';
import { LibraryPage } from './pages/library-page';
import { temporaryUserData } from './support/fixtures';

/** Stands where the API would be and records anything that reaches it; the library must send nothing. */
async function startTripwire() {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method ?? ''} ${request.url ?? ''}`);
    response.statusCode = 503;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

let app: LaunchedApp;
let userData: ReturnType<typeof temporaryUserData>;
let tripwire: Awaited<ReturnType<typeof startTripwire>>;

test.beforeEach(async () => {
  test.setTimeout(180_000);
  userData = temporaryUserData();
  tripwire = await startTripwire();
});

test.afterEach(async () => {
  await app.close();
  await tripwire.close();
  userData.remove();
});

test('starts offline without a key and the whole library works without reaching the API', async () => {
  const seeded = await seedLibrary(userData.dir, 1000);
  app = await launchApp({ apiBaseUrl: tripwire.url, userDataDir: userData.dir });
  const page = app.page;
  const pageRequests: string[] = [];
  page.on('request', (request) => pageRequests.push(request.url()));
  const library = new LibraryPage(page);

  await library.open();
  await library.expectCount(seeded.images);
  await library.expectThumbnailsLoaded();
  await library.searchFor('fox');
  await library.expectCount(imageIdsOf(seeded, (generation) => generation.prompt.includes('fox')).length);
  await page.getByRole('checkbox', { name: 'Favorites' }).check();
  await library.openDetailsOf(library.grid.getByRole('gridcell').first());
  await expect(library.detailsPrompt()).toContainText('fox');

  await library.details.getByRole('button', { name: 'Unfavorite' }).click();
  await expect(library.details.getByRole('button', { name: 'Favorite', exact: true })).toBeVisible();
  await library.details.getByRole('button', { name: 'Add tag…' }).click();
  const tagDialog = page.getByRole('dialog', { name: 'Add a tag' });
  await tagDialog.getByLabel('Tag', { exact: true }).fill('offline');
  await tagDialog.getByRole('button', { name: 'Add tag' }).click();
  await expect(library.details.getByRole('region', { name: 'Tags' })).toContainText('offline');
  await library.details.getByRole('button', { name: 'Add to collection' }).click();
  await page.getByRole('menuitem', { name: seeded.collection.name }).click();
  await expect(library.details.getByRole('region', { name: 'Collections' })).toContainText(
    seeded.collection.name,
  );
  await page.keyboard.press('Escape');
  await page.getByRole('checkbox', { name: 'Favorites' }).uncheck();
  await library.expectCount(imageIdsOf(seeded, (generation) => generation.prompt.includes('fox')).length);

  expect(tripwire.requests).toEqual([]);
  const appOrigin = new URL(page.url()).origin;
  expect(pageRequests.filter((url) => !url.startsWith(appOrigin) && !url.startsWith('data:'))).toEqual([]);
});
