import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { LibraryPage } from './pages/library-page';
import { openSession, type Session } from './support/session';

let session: Session;
let library: LibraryPage;
let exportFolder: string;

test.beforeEach(async () => {
  test.setTimeout(180_000);
  exportFolder = mkdtempSync(join(tmpdir(), 'seedream-export-'));
  // The folder picker of the Chromium driver answers with this folder.
  session = await openSession({ seed: 1000, exportFolder });
  library = new LibraryPage(session.page);
  await library.open();
});

test.afterEach(async () => {
  await session.close();
  rmSync(exportFolder, { recursive: true, force: true });
});

test('exports the selected images to a folder, with their metadata alongside', async () => {
  await library.clickCell(0);
  await library.clickCell(1, ['Shift']);
  await library.bulkButton('Export…').click();
  await expect(library.notifications).toContainText(`Exported 2 images to ${exportFolder}`);
  const files = readdirSync(exportFolder, { recursive: true }).map(String);
  expect(files.filter((name) => name.endsWith('.png'))).toHaveLength(2);
  expect(files.filter((name) => name.endsWith('.json'))).toHaveLength(2);
});

test('imports picked image files, telling apart new, already present and unreadable ones', async () => {
  await library.expectCount(1000);
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3b5bdb' } })
    .png()
    .toBuffer();

  await library.importFiles([{ name: 'blue.png', mimeType: 'image/png', buffer: png }]);
  await expect(library.notifications).toContainText('Imported 1 image');
  await library.expectCount(1001);

  await library.importFiles([
    { name: 'blue-again.png', mimeType: 'image/png', buffer: png },
    { name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') },
  ]);
  await expect(library.notifications).toContainText('Imported 0 images; 1 already in the library');
  await expect(library.notifications).toContainText('1 file was not imported: broken.png');
  await library.expectCount(1001);
});
