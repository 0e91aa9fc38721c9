import { expect, test } from '@playwright/test';
import { launchApp, type LaunchedApp } from './launch';
import { generationOf, imageIdsOf, seedLibrary, type SeededLibrary } from './library-seed';
import { calendarDaysBetween, localMidnightOf } from '../../src-renderer/features/library/days';
import { LibraryPage } from './pages/library-page';
import { temporaryUserData } from './support/fixtures';

const seededImages = 1000;
let app: LaunchedApp;
let userData: ReturnType<typeof temporaryUserData>;
let seeded: SeededLibrary;
let library: LibraryPage;

test.beforeAll(async () => {
  // The first run builds the template library through the library module (seconds); later runs copy it.
  test.setTimeout(180_000);
  const warmup = temporaryUserData();
  await seedLibrary(warmup.dir, seededImages);
  warmup.remove();
});

test.beforeEach(async () => {
  userData = temporaryUserData();
  seeded = await seedLibrary(userData.dir, seededImages);
  // Nothing listens on the discard port: browsing the library must never need the API.
  app = await launchApp({ apiBaseUrl: 'http://127.0.0.1:9', userDataDir: userData.dir });
  library = new LibraryPage(app.page);
  await library.open();
});

test.afterEach(async () => {
  await app.close();
  userData.remove();
});

/** A `YYYY-MM-DD` day in local time, as a date input holds it. */
function dayOf(time: number): string {
  const date = new Date(time);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

test('browses a thousand seeded images newest first and loads every row while scrolling', async () => {
  const newestFirst = imageIdsOf(seeded);
  await library.expectCount(seededImages);
  await expect(library.thumbnails().first()).toHaveAccessibleName(
    generationOf(seeded, newestFirst[0] ?? 0).prompt,
  );
  await library.expectThumbnailsLoaded();

  const columns = Number(await library.grid.getAttribute('aria-colcount'));
  expect(columns).toBeGreaterThan(1);
  await expect(library.grid).toHaveAttribute('aria-rowcount', String(Math.ceil(seededImages / columns)));

  await library.scrollGridTo('bottom');
  const oldest = generationOf(seeded, newestFirst.at(-1) ?? 0);
  await expect(library.grid.getByRole('gridcell').last().getByRole('img')).toHaveAccessibleName(
    oldest.prompt,
  );
  await library.expectThumbnailsLoaded();

  // Leaving the view and coming back returns to the same place.
  await app.page.keyboard.press('Control+1');
  await expect(app.page.getByRole('heading', { level: 1, name: 'Generate' })).toBeVisible();
  await library.open();
  await expect(library.grid.getByRole('gridcell').last().getByRole('img')).toHaveAccessibleName(
    oldest.prompt,
  );

  await library.grid.focus();
  await app.page.keyboard.press('Control+Equal');
  await expect
    .poll(async () => Number(await library.grid.getAttribute('aria-colcount')))
    .toBeLessThan(columns);
  await app.page.getByRole('slider', { name: 'Thumbnail size' }).fill('80');
  await expect
    .poll(async () => Number(await library.grid.getAttribute('aria-colcount')))
    .toBeGreaterThan(columns);
});

test('groups by generation into stacks that open into their ordered images', async () => {
  await app.page.getByRole('combobox', { name: 'Group' }).selectOption('generation');
  const newest = seeded.generations.at(-1);
  const sequence = [...seeded.generations].reverse().find((generation) => generation.imageIds.length > 1);
  if (!newest || !sequence) throw new Error('The seed has sequences.');
  const stackButton = library.grid.getByRole('button', {
    name: `Open the stack of ${sequence.imageIds.length} images`,
  });
  await stackButton.first().click();
  const heading = library.grid.getByRole('heading', {
    name: `Generation of ${sequence.imageIds.length} images`,
  });
  await expect(heading).toBeVisible();
  await library.grid.getByRole('button', { name: 'Close stack' }).click();
  await expect(heading).toBeHidden();

  await app.page.getByRole('combobox', { name: 'Group' }).selectOption('day');
  await expect(library.grid.getByRole('heading', { name: dayLabel(newest.createdAt) })).toBeVisible();
});

/** The day heading a user sees for a time: the seed (and its cached template) may be from yesterday or before. */
function dayLabel(time: number): string {
  const days = calendarDaysBetween(localMidnightOf(time), localMidnightOf(Date.now()));
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  return new Intl.DateTimeFormat('en', { dateStyle: 'full' }).format(localMidnightOf(time));
}

test('searches prompts as you type, in English and Chinese', async () => {
  const lighthouse = imageIdsOf(seeded, (generation) => generation.prompt.includes('lighthouse'));
  await library.search.pressSequentially('lighthouse', { delay: 15 });
  await library.expectCount(lighthouse.length);
  for (const thumbnail of await library.thumbnails().all()) {
    await expect(thumbnail).toHaveAccessibleName(/lighthouse/);
  }

  await library.searchFor('熊猫');
  await library.expectCount(imageIdsOf(seeded, (generation) => generation.prompt.includes('熊猫')).length);
  await library.searchFor('小镇');
  await library.expectCount(imageIdsOf(seeded, (generation) => generation.prompt.includes('小镇')).length);

  await library.searchFor('no such prompt anywhere');
  await expect(app.page.getByRole('heading', { name: 'No images match' })).toBeVisible();
  await library.search.press('Escape');
  await library.expectCount(seededImages);
});

test('filters by favorites, model, tag, collection, references, size, date, and sorts', async () => {
  const page = app.page;
  const favorites = page.getByRole('checkbox', { name: 'Favorites' });
  await favorites.check();
  await library.expectCount(seeded.favoriteIds.length);
  await favorites.uncheck();

  const model = seeded.generations[0]?.model ?? '';
  await library.filters.getByRole('combobox', { name: 'Model' }).selectOption(model);
  await library.expectCount(imageIdsOf(seeded, (generation) => generation.model === model).length);
  await library.filters.getByRole('combobox', { name: 'Model' }).selectOption('');

  await library.filters.getByRole('combobox', { name: 'Tag' }).selectOption({ label: seeded.tag.name });
  await library.expectCount(seeded.tag.imageIds.length);
  await library.filters.getByRole('combobox', { name: 'Tag' }).selectOption('');

  const references = page.getByRole('checkbox', { name: 'Made from references' });
  await references.check();
  await library.expectCount(imageIdsOf(seeded, (generation) => generation.referenceIds.length > 0).length);
  await references.uncheck();

  const size = library.filters.getByRole('combobox', { name: 'Size' });
  await size.selectOption({ label: 'Over 4 MP' });
  await library.expectCount(seeded.large.length);
  await size.selectOption({ label: '1 to 4 MP' });
  await library.expectCount(seeded.medium.length);
  await size.selectOption({ label: 'Any size' });

  const middle = seeded.generations[Math.floor(seeded.generations.length / 2)];
  if (!middle) throw new Error('The seed has generations.');
  const day = dayOf(middle.createdAt);
  await library.filters.getByLabel('From', { exact: true }).fill(day);
  await library.filters.getByLabel('To', { exact: true }).fill(day);
  await library.expectCount(imageIdsOf(seeded, (generation) => dayOf(generation.createdAt) === day).length);
  await library.filters.getByRole('button', { name: 'Clear 1 filter' }).click();
  await library.expectCount(seededImages);

  await library.places.getByRole('button', { name: new RegExp(`^${seeded.collection.name}`) }).click();
  await library.expectCount(seeded.collection.imageIds.length);
  await library.places.getByRole('button', { name: 'All images' }).click();

  await page.getByRole('combobox', { name: 'Sort' }).selectOption('oldest');
  const oldest = seeded.generations[0];
  await expect(library.thumbnails().first()).toHaveAccessibleName(oldest?.prompt ?? '');
});

test('selects with clicks and keys and acts on the whole selection', async () => {
  const page = app.page;
  const newestFirst = imageIdsOf(seeded);
  const cells = library.grid.getByRole('gridcell');
  await cells.nth(0).click();
  await library.expectSelected(1);
  await cells.nth(2).click({ modifiers: ['Control'] });
  await library.expectSelected(2);
  await cells.nth(4).click({ modifiers: ['Shift'] });
  await library.expectSelected(3);

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await library.expectSelected(4);
  await page.keyboard.press('Escape');
  await library.expectSelected(0);

  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await library.expectSelected(3);
  await library.bulk.getByRole('button', { name: 'Favorite', exact: true }).click();
  await expect(library.notifications).toContainText('Added 3 images to favorites');
  const favorites = new Set([...seeded.favoriteIds, ...newestFirst.slice(0, 3)]);
  await page.getByRole('checkbox', { name: 'Favorites' }).check();
  await library.expectCount(favorites.size);
  await page.getByRole('checkbox', { name: 'Favorites' }).uncheck();

  await library.grid.focus();
  await page.keyboard.press('Control+A');
  await library.expectSelected(seededImages);
  await page.keyboard.press('Escape');
  await library.expectSelected(0);
});

test('opens details and follows lineage both ways', async () => {
  const derived = [...seeded.generations].reverse().find((generation) => generation.referenceIds.length > 0);
  if (!derived) throw new Error('The seed has derived generations.');
  await app.page.getByRole('checkbox', { name: 'Made from references' }).check();
  await library.expectCount(imageIdsOf(seeded, (generation) => generation.referenceIds.length > 0).length);
  await library.openDetailsOf(library.grid.getByRole('gridcell').first());

  await expect(library.detailsPrompt()).toHaveText(derived.prompt);
  await expect(library.details.getByRole('region', { name: 'Parameters' })).toContainText(
    'sequential_image_generation',
  );
  await expect(library.details.getByText(derived.model, { exact: true }).first()).toBeVisible();
  const referenceLinks = library.detailsLinks('References');
  await expect(referenceLinks).toHaveCount(derived.referenceIds.length);

  const parent = generationOf(seeded, derived.referenceIds[0] ?? 0);
  await referenceLinks.first().click();
  await expect(library.detailsPrompt()).toHaveText(parent.prompt);
  const children = library.detailsLinks('Made from this image');
  await expect(
    children.filter({ has: app.page.getByRole('img', { name: derived.prompt }) }).first(),
  ).toBeVisible();
  await children
    .filter({ has: app.page.getByRole('img', { name: derived.prompt }) })
    .first()
    .click();
  await expect(library.detailsPrompt()).toHaveText(derived.prompt);

  await library.details.getByRole('button', { name: 'Full size' }).click();
  await expect(library.details.getByRole('button', { name: 'Fit' })).toBeVisible();
  await library.details.getByRole('button', { name: 'Show in folder' }).click();
  await expect.poll(() => app.desktop?.calls.some((call) => call.kind === 'reveal')).toBe(true);
  await app.page.keyboard.press('Escape');
  await expect(library.details).toBeHidden();
});

test('deletes with undo, and restores from the trash', async () => {
  const page = app.page;
  const first = library.grid.getByRole('gridcell').first();
  const firstName = await first.getByRole('img').getAttribute('alt');
  await first.click();
  await page.keyboard.press('Delete');
  await library.expectCount(seededImages - 1);
  await library.toast('Moved 1 image to the trash').getByRole('button', { name: 'Undo' }).click();
  await library.expectCount(seededImages);
  await expect(library.thumbnails().first()).toHaveAttribute('alt', firstName ?? '');

  await library.grid.getByRole('gridcell').nth(0).click();
  await library.grid
    .getByRole('gridcell')
    .nth(1)
    .click({ modifiers: ['Shift'] });
  await library.bulk.getByRole('button', { name: 'Delete' }).click();
  await library.expectCount(seededImages - 2);
  await library.places.getByRole('button', { name: 'Trash' }).click();
  await library.expectCount(2);
  await library.grid.focus();
  await page.keyboard.press('Control+A');
  await library.bulk.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('heading', { name: 'The trash is empty' })).toBeVisible();
  await library.places.getByRole('button', { name: 'All images' }).click();
  await library.expectCount(seededImages);
});

test('creates, fills, renames and deletes a collection', async () => {
  const page = app.page;
  await library.places.getByRole('button', { name: 'New collection' }).click();
  const create = page.getByRole('dialog', { name: 'New collection' });
  await create.getByRole('textbox', { name: 'Name' }).fill('Trips');
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(library.places.getByRole('button', { name: /^Trips/ })).toBeVisible();

  await library.grid.getByRole('gridcell').nth(0).click();
  await library.grid
    .getByRole('gridcell')
    .nth(2)
    .click({ modifiers: ['Shift'] });
  await library.bulk.getByRole('button', { name: 'Add to collection' }).click();
  await page.getByRole('menuitem', { name: 'Trips' }).click();
  await expect(library.notifications).toContainText('Added 3 images to “Trips”');
  await library.places.getByRole('button', { name: /^Trips/ }).click();
  await library.expectCount(3);

  await library.places.getByRole('button', { name: 'Actions for Trips' }).click();
  await page.getByRole('menuitem', { name: 'Rename…' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename collection' });
  await rename.getByRole('textbox', { name: 'Name' }).fill('Summer trips');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(library.places.getByRole('button', { name: /^Summer trips/ })).toBeVisible();

  await library.places.getByRole('button', { name: 'Actions for Summer trips' }).click();
  await page.getByRole('menuitem', { name: 'Delete…' }).click();
  await page
    .getByRole('dialog', { name: 'Delete “Summer trips”?' })
    .getByRole('button', { name: 'Delete collection' })
    .click();
  await expect(library.places.getByRole('button', { name: /^Summer trips/ })).toBeHidden();
  await library.expectCount(seededImages);
});

test('drags an image out as a file, offering a drop zone for Generate', async () => {
  const image = library.thumbnails().first();
  // Page-side code: the Node project has no DOM types, so the browser's DataTransfer is described here.
  const dataTransfer = await app.page.evaluateHandle(() => {
    const browser = globalThis as unknown as { DataTransfer: new () => unknown };
    return new browser.DataTransfer();
  });
  await image.dispatchEvent('dragstart', { dataTransfer });
  const payload = await dataTransfer.evaluate((transfer) =>
    (transfer as { getData: (type: string) => string }).getData('application/x-seedream-image'),
  );
  const dragged = JSON.parse(payload) as { id: number }[];
  expect(dragged.map((item) => item.id)).toEqual([imageIdsOf(seeded)[0]]);
  await expect.poll(() => app.desktop?.calls.filter((call) => call.kind === 'startDrag').length).toBe(1);

  const dropZone = app.page.getByRole('region', { name: 'Use as references' });
  await dropZone.dispatchEvent('dragover', { dataTransfer });
  await dropZone.dispatchEvent('drop', { dataTransfer });
  await expect(app.page.getByRole('heading', { level: 1, name: 'Generate' })).toBeVisible();
});
