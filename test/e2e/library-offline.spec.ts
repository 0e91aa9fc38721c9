import { expect, test } from '@playwright/test';
import { imageIdsOf } from './library-seed';
import { AppFrame } from './pages/app-frame';
import { LibraryPage } from './pages/library-page';
import { openSession, type Session } from './support/session';

let session: Session;

test.beforeEach(() => {
  test.setTimeout(180_000);
});

test.afterEach(async () => {
  await session.close();
});

test('starts offline without a key and the whole library works without reaching the API', async () => {
  // A tripwire stands where the API would be and records anything that reaches it; the library must send nothing.
  session = await openSession({ api: 'tripwire', seed: 1000 });
  const { seeded, tripwire } = session;
  if (!seeded || !tripwire) throw new Error('The session was asked for a seeded library and a tripwire.');
  const frame = new AppFrame(session.page);
  const pageRequests = frame.recordRequests();
  const library = new LibraryPage(session.page);
  const foxes = imageIdsOf(seeded, (generation) => generation.prompt.includes('fox')).length;

  await library.open();
  await library.expectCount(seeded.images);
  await library.expectThumbnailsLoaded();
  await library.searchFor('fox');
  await library.expectCount(foxes);
  await library.inspect(0);
  await expect(library.detailsPrompt()).toContainText('fox');

  const favorite = library.detailsButton(/^(Favorite|Unfavorite)$/);
  const wasFavorite = (await favorite.getAttribute('aria-pressed')) === 'true';
  await favorite.click();
  await expect(favorite).toHaveAttribute('aria-pressed', wasFavorite ? 'false' : 'true');
  await library.detailsButton('Add tag…').click();
  await library.submitDialog('Add a tag', 'Tag', 'offline', 'Add tag');
  await expect(library.detailsRegion('Tags')).toContainText('offline');
  await library.detailsButton('Add to collection').click();
  await library.menuItem(seeded.collection.name).click();
  await expect(library.detailsRegion('Collections')).toContainText(seeded.collection.name);
  await frame.press('Escape');
  await library.expectSelected(0);
  await library.expectCount(foxes);

  expect(tripwire.requests).toEqual([]);
  const appOrigin = frame.origin();
  expect(pageRequests.filter((url) => !url.startsWith(appOrigin) && !url.startsWith('data:'))).toEqual([]);
});
