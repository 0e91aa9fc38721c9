import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { launchApp, type LaunchedApp } from './launch';
import { seedLibrary } from './library-seed';
import { LibraryPage } from './pages/library-page';
import { temporaryUserData } from './support/fixtures';

let app: LaunchedApp;
let userData: ReturnType<typeof temporaryUserData>;
let exportFolder: string;

test.beforeEach(async () => {
  test.setTimeout(180_000);
  userData = temporaryUserData();
  exportFolder = mkdtempSync(join(tmpdir(), 'seedream-export-'));
  await seedLibrary(userData.dir, 1000);
  // The folder picker of the Chromium driver answers with this folder.
  app = await launchApp({ apiBaseUrl: 'http://127.0.0.1:9', userDataDir: userData.dir, exportFolder });
});

test.afterEach(async () => {
  await app.close();
  userData.remove();
  rmSync(exportFolder, { recursive: true, force: true });
});

test('exports the selected images to a folder, with their metadata alongside', async () => {
  const library = new LibraryPage(app.page);
  await library.open();
  await library.grid.getByRole('gridcell').nth(0).click();
  await library.grid
    .getByRole('gridcell')
    .nth(1)
    .click({ modifiers: ['Shift'] });
  await library.bulk.getByRole('button', { name: 'Export…' }).click();
  await expect(library.notifications).toContainText(`Exported 2 images to ${exportFolder}`);
  const files = readdirSync(exportFolder, { recursive: true }).map(String);
  expect(files.filter((name) => name.endsWith('.png'))).toHaveLength(2);
  expect(files.filter((name) => name.endsWith('.json'))).toHaveLength(2);
});

test('imports picked image files, telling apart new, already present and unreadable ones', async () => {
  const page = app.page;
  const library = new LibraryPage(page);
  await library.open();
  await library.expectCount(1000);
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3b5bdb' } })
    .png()
    .toBuffer();

  const pick = async (files: { name: string; mimeType: string; buffer: Buffer }[]) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'More library actions' }).click();
    await page.getByRole('menuitem', { name: 'Import images…' }).click();
    await (await chooser).setFiles(files);
  };

  await pick([{ name: 'blue.png', mimeType: 'image/png', buffer: png }]);
  await expect(library.notifications).toContainText('Imported 1 image');
  await library.expectCount(1001);

  await pick([
    { name: 'blue-again.png', mimeType: 'image/png', buffer: png },
    { name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') },
  ]);
  await expect(library.notifications).toContainText('Imported 0 images; 1 already in the library');
  await expect(library.notifications).toContainText('1 file was not imported: broken.png');
  await library.expectCount(1001);
});
