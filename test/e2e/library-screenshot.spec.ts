import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, test } from '@playwright/test';
import { AppFrame } from './pages/app-frame';
import { LibraryPage } from './pages/library-page';
import { openSession } from './support/session';

/**
 * Takes the README's picture of the library from the real UI, grouped by day with a few images selected. It is
 * written to the test's output folder; with SEEDREAM_UPDATE_SCREENSHOTS=1 it replaces
 * assets/screenshots/library.png.
 */
test('screenshot of the library', async () => {
  test.setTimeout(180_000);
  const session = await openSession({ seed: 1000 });
  try {
    const library = new LibraryPage(session.page);
    await library.open();
    await library.groupBy('day');
    await library.expectCount(1000);
    await library.clickCell(1);
    await library.clickCell(3, ['Shift']);
    await library.expectSelected(3);
    await library.expectThumbnailsLoaded();

    const target = process.env.SEEDREAM_UPDATE_SCREENSHOTS
      ? 'assets/screenshots/library.png'
      : test.info().outputPath('library.png');
    mkdirSync(dirname(target), { recursive: true });
    await new AppFrame(session.page).screenshot(target);
    expect(existsSync(target)).toBe(true);
  } finally {
    await session.close();
  }
});
