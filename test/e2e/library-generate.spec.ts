import { expect, test } from '@playwright/test';
import type { SeededLibrary } from './library-seed';
import { AppFrame } from './pages/app-frame';
import { GeneratePage } from './pages/generate-page';
import { LibraryPage } from './pages/library-page';
import { openSession, type Session, type SessionOptions } from './support/session';

/** The library and the Generate workspace working together: remix, references, and new images arriving. */

let session: Session | null = null;

test.beforeEach(() => {
  test.setTimeout(180_000);
});

test.afterEach(async () => {
  await session?.close();
  session = null;
});

/** The app over a seeded library, opened on the Library view. */
async function openLibrary(options: SessionOptions = {}) {
  session = await openSession({ seed: 1000, ...options });
  const { page, seeded } = session;
  if (!seeded) throw new Error('The session was asked for a seeded library.');
  const library = new LibraryPage(page);
  await library.open();
  return { library, generate: new GeneratePage(page), frame: new AppFrame(page), seeded };
}

function newestDerived(seeded: SeededLibrary) {
  const derived = [...seeded.generations].reverse().find((generation) => generation.referenceIds.length > 0);
  if (!derived) throw new Error('The seed has derived generations.');
  return derived;
}

// Nothing answers at the API's address and there is no key: remix and references need neither.

test('remixes an image into Generate with its prompt and references, offline', async () => {
  const { library, generate, frame, seeded } = await openLibrary();
  const derived = newestDerived(seeded);
  await library.openFilters();
  await library.filterCheckbox('Made from references').check();
  await library.closeFilters();
  await library.inspect(0);
  await expect(library.detailsPrompt()).toHaveText(derived.prompt);
  await library.detailsButton('Remix in Generate').click();

  await frame.expectView('Generate');
  await expect(generate.prompt).toHaveValue(derived.prompt);
  await expect(generate.references).toHaveCount(derived.referenceIds.length);
});

test('sends selected images to the reference tray, by button and by dragging', async () => {
  const { library, generate, frame } = await openLibrary();
  await library.clickCell(0);
  await library.clickCell(1, ['Shift']);
  await library.bulkButton('Use as references').click();
  await expect(generate.references).toHaveCount(2);

  await library.open();
  const dragged = await library.dragOut(2);
  await dragged.dropOnReferenceZone();
  await frame.expectView('Generate');
  await expect(generate.references).toHaveCount(3);
});

test('a generation saved while the library is open appears at its head, and Show in library opens it', async () => {
  // The answer waits, so the library is on screen when the images are saved.
  const { library, generate, frame, seeded } = await openLibrary({
    api: { fake: { count: 2, delayMs: 1500, image: { width: 256, height: 256 } } },
  });
  await library.expectCount(seeded.images);

  const prompt = 'A brass telescope on a rooftop at dusk';
  await frame.go('Generate');
  await generate.generate(prompt);
  await library.open();

  await library.expectCount(seeded.images + 2);
  await expect(library.thumbnail(0)).toHaveAccessibleName(prompt);
  await expect(library.thumbnail(1)).toHaveAccessibleName(prompt);
  await expect(library.thumbnail(2)).not.toHaveAccessibleName(prompt);

  await frame.go('Generate');
  await generate.tileButton(generate.tile(0), 'Show in library').click();
  await expect(library.details).toBeVisible();
  await expect(library.detailsPrompt()).toHaveText(prompt);
});
