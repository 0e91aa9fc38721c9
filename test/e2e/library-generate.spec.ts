import { expect, test } from '@playwright/test';
import { fakeApiKey, startFakeCometApi, type FakeCometApi } from '../fake-cometapi/fake-cometapi';
import { launchApp, type LaunchedApp } from './launch';
import { seedLibrary, type SeededLibrary } from './library-seed';
import { LibraryPage } from './pages/library-page';
import { temporaryUserData } from './support/fixtures';

/** The library and the Generate workspace working together: remix, references, and new images arriving. */

let app: LaunchedApp;
let userData: ReturnType<typeof temporaryUserData>;
let seeded: SeededLibrary;
let fake: FakeCometApi | null = null;

test.beforeEach(async () => {
  test.setTimeout(180_000);
  userData = temporaryUserData();
  seeded = await seedLibrary(userData.dir, 1000);
});

test.afterEach(async () => {
  await app.close();
  await fake?.stop();
  fake = null;
  userData.remove();
});

/** Nothing listens on the discard port and there is no key: remix and references need neither. */
async function launchOffline(): Promise<LibraryPage> {
  app = await launchApp({ apiBaseUrl: 'http://127.0.0.1:9', userDataDir: userData.dir });
  const library = new LibraryPage(app.page);
  await library.open();
  return library;
}

function newestDerived() {
  const derived = [...seeded.generations].reverse().find((generation) => generation.referenceIds.length > 0);
  if (!derived) throw new Error('The seed has derived generations.');
  return derived;
}

test('remixes an image into Generate with its prompt and references, offline', async () => {
  const library = await launchOffline();
  const derived = newestDerived();
  await app.page.getByRole('checkbox', { name: 'Made from references' }).check();
  await library.openDetailsOf(library.grid.getByRole('gridcell').first());
  await expect(library.detailsPrompt()).toHaveText(derived.prompt);
  await library.details.getByRole('button', { name: 'Remix in Generate' }).click();

  await expect(app.page.getByRole('heading', { level: 1, name: 'Generate' })).toBeVisible();
  await expect(app.page.getByRole('textbox', { name: 'Prompt' })).toHaveValue(derived.prompt);
  await expect(app.page.getByRole('list', { name: 'Reference images' }).getByRole('listitem')).toHaveCount(
    derived.referenceIds.length,
  );
});

test('sends selected images to the reference tray, by button and by dragging', async () => {
  const library = await launchOffline();
  const tray = app.page.getByRole('list', { name: 'Reference images' }).getByRole('listitem');
  await library.grid.getByRole('gridcell').nth(0).click();
  await library.grid
    .getByRole('gridcell')
    .nth(1)
    .click({ modifiers: ['Shift'] });
  await library.bulk.getByRole('button', { name: 'Use as references' }).click();
  await expect(tray).toHaveCount(2);

  await library.open();
  const dataTransfer = await app.page.evaluateHandle(() => {
    // Page-side code: the Node project has no DOM types, so the browser's DataTransfer is described here.
    const browser = globalThis as unknown as { DataTransfer: new () => unknown };
    return new browser.DataTransfer();
  });
  await library.thumbnails().nth(2).dispatchEvent('dragstart', { dataTransfer });
  const dropZone = app.page.getByRole('region', { name: 'Use as references' });
  await dropZone.dispatchEvent('dragover', { dataTransfer });
  await dropZone.dispatchEvent('drop', { dataTransfer });
  await expect(app.page.getByRole('heading', { level: 1, name: 'Generate' })).toBeVisible();
  await expect(tray).toHaveCount(3);
});

test('a generation saved while the library is open appears at its head, and Show in library opens it', async () => {
  // The answer waits, so the library is on screen when the images are saved.
  fake = await startFakeCometApi({
    scenario: { count: 2, delayMs: 1500, image: { width: 256, height: 256 } },
  });
  app = await launchApp({
    apiBaseUrl: fake.baseUrl,
    userDataDir: userData.dir,
    env: { COMETAPI_KEY: fakeApiKey },
  });
  const page = app.page;
  const library = new LibraryPage(page);
  await library.open();
  await library.expectCount(seeded.images);

  const prompt = 'A brass telescope on a rooftop at dusk';
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Generate' }).click();
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await library.open();

  await library.expectCount(seeded.images + 2);
  await expect(library.thumbnails().nth(0)).toHaveAccessibleName(prompt);
  await expect(library.thumbnails().nth(1)).toHaveAccessibleName(prompt);
  await expect(library.thumbnails().nth(2)).not.toHaveAccessibleName(prompt);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Generate' }).click();
  await page
    .getByRole('list', { name: 'Results' })
    .getByRole('button', { name: 'Show in library' })
    .first()
    .click();
  await expect(library.details).toBeVisible();
  await expect(library.detailsPrompt()).toHaveText(prompt);
});
