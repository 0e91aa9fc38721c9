import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, test } from '@playwright/test';
import { launchApp } from './launch';
import { seedLibrary } from './library-seed';
import { LibraryPage } from './pages/library-page';
import { temporaryUserData } from './support/fixtures';

/**
 * Takes the README's picture of the library from the real UI, grouped by day with a few images selected. It is
 * written to the test's output folder; with SEEDREAM_UPDATE_SCREENSHOTS=1 it replaces
 * assets/screenshots/library.png.
 */
test('screenshot of the library', async () => {
  test.setTimeout(180_000);
  const userData = temporaryUserData();
  await seedLibrary(userData.dir, 1000);
  const app = await launchApp({ apiBaseUrl: 'http://127.0.0.1:9', userDataDir: userData.dir });
  try {
    const library = new LibraryPage(app.page);
    await library.open();
    await app.page.getByRole('combobox', { name: 'Group' }).selectOption('day');
    await library.expectCount(1000);
    await library.grid.getByRole('gridcell').nth(1).click();
    await library.grid
      .getByRole('gridcell')
      .nth(3)
      .click({ modifiers: ['Shift'] });
    await library.expectSelected(3);
    await library.expectThumbnailsLoaded();

    const target = process.env.SEEDREAM_UPDATE_SCREENSHOTS
      ? 'assets/screenshots/library.png'
      : test.info().outputPath('library.png');
    mkdirSync(dirname(target), { recursive: true });
    await app.page.screenshot({ path: target });
    expect(existsSync(target)).toBe(true);
  } finally {
    await app.close();
    userData.remove();
  }
});
