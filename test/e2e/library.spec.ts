import { expect, test } from '@playwright/test';
import { calendarDaysBetween, localMidnightOf } from '../../src-renderer/features/library/days';
import { generationOf, imageIdsOf, type SeededLibrary } from './library-seed';
import { findModel } from '../../src-preload/contract/models';
import { AppFrame } from './pages/app-frame';
import { ComparePage } from './pages/compare-page';
import { LibraryPage } from './pages/library-page';
import { ViewerPage } from './pages/viewer-page';
import { openSession, warmSeed, type Session } from './support/session';

const seededImages = 1000;
let session: Session;
let seeded: SeededLibrary;
let library: LibraryPage;
let frame: AppFrame;

test.beforeAll(async () => {
  // The first run builds the template library through the library module (seconds); later runs copy it.
  test.setTimeout(180_000);
  await warmSeed(seededImages);
});

test.beforeEach(async () => {
  // Nothing answers at the API's address: browsing the library must never need the API.
  session = await openSession({ seed: seededImages });
  if (!session.seeded) throw new Error('The session was asked for a seeded library.');
  seeded = session.seeded;
  library = new LibraryPage(session.page);
  frame = new AppFrame(session.page);
  await library.open();
});

test.afterEach(async () => {
  await session.close();
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
  await expect(library.thumbnail(0)).toHaveAccessibleName(generationOf(seeded, newestFirst[0] ?? 0).prompt);
  await library.expectThumbnailsLoaded();

  const columns = await library.columns();
  expect(columns).toBeGreaterThan(1);
  await expect(library.grid).toHaveAttribute('aria-rowcount', String(Math.ceil(seededImages / columns)));

  await library.scrollGridTo('bottom');
  const oldest = generationOf(seeded, newestFirst.at(-1) ?? 0);
  await expect(library.lastThumbnail()).toHaveAccessibleName(oldest.prompt);
  await library.expectThumbnailsLoaded();

  // Leaving the view and coming back returns to the same place. (Settings: without a key, Generate is the welcome.)
  await frame.press('Control+,');
  await frame.expectView('Settings');
  await library.open();
  await expect(library.lastThumbnail()).toHaveAccessibleName(oldest.prompt);

  await library.grid.focus();
  await frame.press('Control+Equal');
  await expect.poll(() => library.columns()).toBeLessThan(columns);
  await library.thumbSize.fill('80');
  await expect.poll(() => library.columns()).toBeGreaterThan(columns);
});

test('groups by generation into stacks that open into their ordered images', async () => {
  await library.groupBy('generation');
  const newest = seeded.generations.at(-1);
  const sequence = [...seeded.generations].reverse().find((generation) => generation.imageIds.length > 1);
  if (!newest || !sequence) throw new Error('The seed has sequences.');
  await library.openStack(sequence.imageIds.length);
  const heading = library.stackHeading(sequence.imageIds.length);
  await expect(heading).toBeVisible();
  await library.closeStack();
  await expect(heading).toBeHidden();

  await library.groupBy('day');
  await expect(library.gridHeading(dayLabel(newest.createdAt))).toBeVisible();
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
  await library.typeSearch('lighthouse');
  await library.expectCount(lighthouse.length);
  for (const thumbnail of await library.thumbnails().all()) {
    await expect(thumbnail).toHaveAccessibleName(/lighthouse/);
  }

  await library.searchFor('熊猫');
  await library.expectCount(imageIdsOf(seeded, (generation) => generation.prompt.includes('熊猫')).length);
  await library.searchFor('小镇');
  await library.expectCount(imageIdsOf(seeded, (generation) => generation.prompt.includes('小镇')).length);

  await library.searchFor('no such prompt anywhere');
  await expect(library.emptyHeading('No images match')).toBeVisible();
  await library.search.press('Escape');
  await library.expectCount(seededImages);
});

test('filters by favorites, model, tag, collection, references, size, date, and sorts', async () => {
  await library.openFilters();
  const favorites = library.filterCheckbox('Favorites');
  await favorites.check();
  await library.expectCount(seeded.favoriteIds.length);
  await favorites.uncheck();

  const model = seeded.generations[0]?.model ?? '';
  await library.chooseFilter('Model', findModel(model)?.label ?? model);
  await library.expectCount(imageIdsOf(seeded, (generation) => generation.model === model).length);
  await library.chooseFilter('Model', 'Any model');

  await library.chooseFilter('Tag', seeded.tag.name);
  await library.expectCount(seeded.tag.imageIds.length);
  await library.chooseFilter('Tag', 'Any tag');

  const references = library.filterCheckbox('Made from references');
  await references.check();
  await library.expectCount(imageIdsOf(seeded, (generation) => generation.referenceIds.length > 0).length);
  await references.uncheck();

  await library.chooseFilter('Size', 'Over 4 MP');
  await library.expectCount(seeded.large.length);
  await library.chooseFilter('Size', '1 to 4 MP');
  await library.expectCount(seeded.medium.length);
  await library.chooseFilter('Size', 'Any size');

  const middle = seeded.generations[Math.floor(seeded.generations.length / 2)];
  if (!middle) throw new Error('The seed has generations.');
  const day = dayOf(middle.createdAt);
  await library.pickDate('From', day);
  await library.pickDate('To', day);
  const shown = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(middle.createdAt);
  await expect(library.dateFilter('From')).toHaveAccessibleName(`From ${shown}`);
  await library.expectCount(imageIdsOf(seeded, (generation) => dayOf(generation.createdAt) === day).length);
  await library.filterButton('Clear 1 filter').click();
  await library.expectCount(seededImages);
  await library.closeFilters();

  await library.place(new RegExp(`^${seeded.collection.name}`)).click();
  await library.expectCount(seeded.collection.imageIds.length);
  await library.place('All images').click();

  await library.sortBy('oldest');
  const oldest = seeded.generations[0];
  await expect(library.thumbnail(0)).toHaveAccessibleName(oldest?.prompt ?? '');
});

test('selects with clicks and keys and acts on the whole selection', async () => {
  const newestFirst = imageIdsOf(seeded);
  await library.clickCell(0);
  await library.expectSelected(1);
  await library.clickCell(2, ['Control']);
  await library.expectSelected(2);
  await library.clickCell(4, ['Shift']);
  await library.expectSelected(3);

  await frame.press('ArrowRight');
  await frame.press('Control+Space');
  await library.expectSelected(4);
  await frame.press('Escape');
  await library.expectSelected(0);

  await frame.press('Home');
  await frame.press('Shift+ArrowRight');
  await frame.press('Shift+ArrowRight');
  await library.expectSelected(3);
  await library.bulkButton('Favorite').click();
  await expect(library.notifications).toContainText('Added 3 images to favorites');
  const favorites = new Set([...seeded.favoriteIds, ...newestFirst.slice(0, 3)]);
  await frame.press('Escape');
  await library.openFilters();
  await library.filterCheckbox('Favorites').check();
  await library.expectCount(favorites.size);
  await library.filterCheckbox('Favorites').uncheck();
  await library.closeFilters();

  await library.grid.focus();
  await frame.press('Control+A');
  await library.expectSelected(seededImages);
  await frame.press('Escape');
  await library.expectSelected(0);
});

test('inspects the selected image beside the grid and follows lineage both ways', async () => {
  const derived = [...seeded.generations].reverse().find((generation) => generation.referenceIds.length > 0);
  if (!derived) throw new Error('The seed has derived generations.');
  await library.openFilters();
  await library.filterCheckbox('Made from references').check();
  await library.closeFilters();
  const count = imageIdsOf(seeded, (generation) => generation.referenceIds.length > 0).length;
  await library.expectCount(count);
  await library.inspect(0);

  await expect(library.detailsPosition()).toHaveText(`1 of ${count.toLocaleString('en-US')}`);
  await expect(library.detailsPrompt()).toHaveText(derived.prompt);
  await expect(library.detailsText(findModel(derived.model)?.label ?? '')).toBeVisible();
  const request = await library.request();
  await expect(request).toContainText(derived.imageIds.length > 1 ? /images, sequence/ : /1 image/);
  await expect(request).not.toContainText('sequential_image_generation');
  const referenceLinks = library.detailsLinks('Made from');
  await expect(referenceLinks).toHaveCount(derived.referenceIds.length);

  const parent = generationOf(seeded, derived.referenceIds[0] ?? 0);
  await library.detailsLink('Made from', 0).click();
  await expect(library.detailsPrompt()).toHaveText(parent.prompt);
  const child = library.detailsLinkTo('Used in', derived.prompt);
  await expect(child).toBeVisible();
  await child.click();
  await expect(library.detailsPrompt()).toHaveText(derived.prompt);
  // The grid stayed in use the whole time: the next image is one click (or one arrow key) away.
  await library.detailsButton('Next image').click();
  await expect(library.detailsPosition()).toHaveText(`2 of ${count.toLocaleString('en-US')}`);

  await library.detailsMenuAction('Show in folder');
  await expect.poll(() => session.app.desktop?.calls.some((call) => call.kind === 'reveal')).toBe(true);
  await library.grid.focus();
  await frame.press('i');
  await expect(library.details).toBeHidden();
  await frame.press('i');
  await expect(library.details).toBeVisible();
});

test('the viewer shows the whole image, letterboxed and centred; full size scrolls around the centre', async () => {
  await library.openFilters();
  await library.chooseFilter('Size', 'Over 4 MP');
  await library.closeFilters();
  await library.expectCount(seeded.large.length);
  await library.clickCell(0);
  await frame.press('Space');
  const viewer = new ViewerPage(session.page);
  await expect(viewer.dialog).toBeVisible();
  await viewer.expectAt(1, seeded.large.length);

  // Fit: the whole image inside the stage, touching it on one axis and centred on the other.
  const { image, stage } = await viewer.imageBox();
  expect(image.width).toBeLessThanOrEqual(stage.width + 1);
  expect(image.height).toBeLessThanOrEqual(stage.height + 1);
  expect(Math.min(stage.width - image.width, stage.height - image.height)).toBeLessThan(2);
  expect(Math.abs(image.x - stage.x - (stage.width - image.width) / 2)).toBeLessThan(2);
  expect(Math.abs(image.y - stage.y - (stage.height - image.height) / 2)).toBeLessThan(2);

  // Real pixels of a 2100 px image: larger than the stage, scrolled to its middle, not to its corner.
  await frame.press('1');
  await expect(viewer.zoomLevel).toHaveText('100%');
  await expect
    .poll(async () => {
      const scroll = await viewer.stageScroll();
      return (
        scroll.maxLeft > 0 &&
        Math.abs(scroll.left - scroll.maxLeft / 2) <= 1 &&
        Math.abs(scroll.top - scroll.maxTop / 2) <= 1
      );
    })
    .toBe(true);
  await frame.press('0');
  await expect(viewer.zoomLevel).toHaveAttribute('aria-pressed', 'true');

  await viewer.button('Next image').click();
  await viewer.expectAt(2, seeded.large.length);
  await viewer.filmstrip.getByRole('button').first().click();
  await viewer.expectAt(1, seeded.large.length);
  await viewer.button('Favorite').click();
  await expect(viewer.button('Favorite')).toHaveAttribute('aria-pressed', 'true');
  await viewer.close();
  await expect(library.cell(0)).toHaveAttribute('aria-selected', 'true');
});

test('compares the selection side by side and with a before/after slider', async () => {
  await library.clickCell(0);
  await library.clickCell(1, ['Control']);
  await frame.press('c');
  const compare = new ComparePage(session.page);
  await expect(compare.dialog).toBeVisible();
  await expect(compare.images()).toHaveCount(2);
  const [first, second] = await compare.imageWidths();
  expect(first).toBeCloseTo(second ?? 0, 0);
  await compare.button('Zoom in').click();
  const [zoomed] = await compare.imageWidths();
  expect(zoomed).toBeGreaterThan(first ?? 0);
  await compare.layout('Before and after');
  await expect(compare.position).toHaveAttribute('aria-valuenow', '50');
  await compare.position.focus();
  await frame.press('End');
  await expect(compare.position).toHaveAttribute('aria-valuenow', '100');
  await frame.press('Escape');
  await expect(compare.dialog).toBeHidden();

  await library.clickCell(2, ['Control']);
  await library.clickCell(3, ['Control']);
  await library.bulkButton('Compare').click();
  await expect(compare.images()).toHaveCount(4);
  await expect(compare.position).toBeHidden();
});

test('right-click and the menu key offer the image’s actions', async () => {
  const menu = await library.contextMenu(2);
  await expect(menu.getByRole('menuitem', { name: /Open in viewer/ })).toBeVisible();
  await menu.getByRole('menuitem', { name: 'Add to collection' }).click();
  await library.menuItem(seeded.collection.name).click();
  await expect(library.notifications).toContainText(`Added 1 image to “${seeded.collection.name}”`);
  await library.expectSelected(1);

  await library.clickCell(0);
  await library.clickCell(1, ['Shift']);
  await frame.press('ContextMenu');
  await expect(session.page.getByRole('menu', { name: 'Actions for 2 images' })).toBeVisible();
  await library.menuItem('Compare').click();
  await expect(new ComparePage(session.page).dialog).toBeVisible();
});

test('nothing is cut off at 1024 x 700, and bars never move the grid', async () => {
  await session.page.setViewportSize({ width: 1024, height: 700 });
  const gridTop = async () => (await library.grid.boundingBox())?.y;
  const top = await gridTop();
  await frame.expectInWindow([
    library.search,
    library.filtersToggle(),
    library.thumbSize,
    session.page.getByRole('button', { name: 'More library actions' }),
    library.details,
  ]);
  await library.openFilters();
  expect(await gridTop()).toBe(top);
  await library.closeFilters();
  await library.clickCell(0);
  await library.clickCell(1, ['Control']);
  await expect(library.bulk).toBeVisible();
  expect(await gridTop()).toBe(top);
  await frame.expectInWindow([
    library.bulkButton('Compare'),
    library.bulkButton('Delete'),
    library.bulk.getByRole('button', { name: 'More actions for the selection' }),
    library.detailsButton('Remix in Generate'),
  ]);
});

test('deletes with undo, and restores from the trash', async () => {
  const firstName = await library.thumbnailName(0);
  await library.clickCell(0);
  await frame.press('Delete');
  await library.expectCount(seededImages - 1);
  await library.toastButton('Moved 1 image to the trash', 'Undo').click();
  await library.expectCount(seededImages);
  await expect(library.thumbnail(0)).toHaveAttribute('alt', firstName ?? '');

  await library.clickCell(0);
  await library.clickCell(1, ['Shift']);
  await library.bulkButton('Delete').click();
  await library.expectCount(seededImages - 2);
  await library.place('Trash').click();
  await library.expectCount(2);
  await library.grid.focus();
  await frame.press('Control+A');
  await library.bulkButton('Restore').click();
  await expect(library.emptyHeading('The trash is empty')).toBeVisible();
  await library.place('All images').click();
  await library.expectCount(seededImages);
});

test('creates, fills, renames and deletes a collection', async () => {
  await library.place('New collection').click();
  await library.submitDialog('New collection', 'Name', 'Trips', 'Create');
  await expect(library.place(/^Trips/)).toBeVisible();

  await library.clickCell(0);
  await library.clickCell(2, ['Shift']);
  await library.bulkButton('Add to collection').click();
  await library.menuItem('Trips').click();
  await expect(library.notifications).toContainText('Added 3 images to “Trips”');
  await library.place(/^Trips/).click();
  await library.expectCount(3);

  await library.place('Actions for Trips').click();
  await library.menuItem('Rename…').click();
  await library.submitDialog('Rename collection', 'Name', 'Summer trips', 'Rename');
  await expect(library.place(/^Summer trips/)).toBeVisible();

  await library.place('Actions for Summer trips').click();
  await library.menuItem('Delete…').click();
  await library.confirmDialog('Delete “Summer trips”?', 'Delete collection');
  await expect(library.place(/^Summer trips/)).toBeHidden();
  await library.expectCount(seededImages);
});

test('drags an image out as a file, offering a drop zone for Generate', async () => {
  const dragged = await library.dragOut(0);
  await expect
    .poll(() =>
      session.app.desktop?.calls.flatMap((call) => (call.kind === 'startDrag' ? [call.paths.length] : [])),
    )
    .toEqual([1]);

  await dragged.dropOnReferenceZone();
  await frame.expectView('Generate');
});
