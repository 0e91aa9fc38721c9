import { expect, test } from '@playwright/test';
import type { FakeCometApi } from '../fake-cometapi/fake-cometapi';
import { AppFrame } from './pages/app-frame';
import { GeneratePage, openWorkspace, type Workspace } from './pages/generate-page';
import { ComparePage } from './pages/compare-page';
import { LibraryPage } from './pages/library-page';
import { ViewerPage } from './pages/viewer-page';

let workspace: Workspace;
let fake: FakeCometApi;
let generate: GeneratePage;
let frame: AppFrame;

test.beforeEach(async () => {
  workspace = await openWorkspace();
  ({ fake, generate } = workspace);
  frame = new AppFrame(generate.page);
});

test.afterEach(async () => {
  await workspace.close();
});

test('text to image: one tile appears at once and fills with the saved image', async () => {
  await generate.generate('a lighthouse on a windy cliff');
  await expect(generate.tiles).toHaveCount(1);
  await expect(generate.tileImage(generate.tile(0), /a lighthouse on a windy cliff/)).toBeVisible();
  await expect(generate.jobStatus()).toHaveText(/Saved 1 image/);
  await expect(generate.job()).toContainText('Billed for 1 image');
  await expect(generate.job()).not.toContainText('tokens');
  expect(fake.stats.generationPosts).toBe(1);
  expect(fake.stats.bodies[0]).toMatchObject({ prompt: 'a lighthouse on a windy cliff', size: '2048x2048' });
});

test('a sequence of 4 with one failed image keeps the good three and retries the missing one', async () => {
  await generate.sequenceOf(4);
  await generate.generate('four seasons of one oak tree [fake:partial-failure]');
  await expect(generate.jobStatus()).toHaveText(/Saved 3 images; 1 failed/);
  await expect(generate.tiles).toHaveCount(3);
  for (const index of [0, 1, 2]) {
    await expect(generate.tileImage(generate.tile(index), /four seasons of one oak tree/)).toBeVisible();
  }
  await expect(generate.jobAlert()).toContainText('1 image is missing');
  await expect(generate.jobAlert()).toContainText(/sensitive/i);
  expect(fake.stats.bodies[0]).toMatchObject({
    sequential_image_generation: 'auto',
    sequential_image_generation_options: { max_images: 4 },
  });

  await generate.jobButton('Retry failed images').click();
  await expect(generate.jobs).toHaveCount(2);
  await expect(generate.jobStatus(0)).toHaveText(/Saved 1 image/);
  expect(fake.stats.generationPosts).toBe(2);
  expect(fake.stats.bodies[1]).toMatchObject({
    prompt: 'four seasons of one oak tree [fake:partial-failure]',
  });
  expect(fake.stats.bodies[1]).not.toHaveProperty('sequential_image_generation_options');
});

test('Cancel stops a running job', async () => {
  await generate.generate('a quiet tea house in the mountains [fake:stall]');
  await expect(generate.tiles).toHaveCount(1);
  await generate.jobButton('Cancel').click();
  await expect(generate.jobStatus()).toHaveText('Cancelled.');
  await expect(generate.jobButton('Cancel')).toHaveCount(0);
  await expect(generate.tile(0)).toHaveAccessibleName(/not generated/);
});

test('a rejected prompt collapses to one row that says so once, with Retry and Edit request', async () => {
  await generate.generate('something the provider refuses [fake:sensitive-prompt]');
  const alert = generate.jobAlert();
  await expect(alert).toHaveText(/refused the prompt as sensitive content/);
  await expect(generate.tiles).toHaveCount(0);
  await expect(generate.prompt).toBeFocused();

  await generate.prompt.fill('something else');
  await generate.jobButton('Edit request').click();
  await expect(generate.prompt).toHaveValue('something the provider refuses [fake:sensitive-prompt]');
  await expect(generate.prompt).toBeFocused();

  await generate.jobButton('Retry').click();
  await expect(generate.jobs).toHaveCount(2);
  expect(fake.stats.generationPosts).toBe(2);
});

test('streaming fills the tiles one by one', async () => {
  await generate.openAdvanced();
  await generate.progressive.check();
  await generate.sequenceOf(3);
  await generate.generate('a neon street market at night [fake:slow]');
  await expect(generate.tiles).toHaveCount(3);
  await expect(generate.resultImages).toHaveCount(1);
  await expect(generate.tile(2)).toHaveAccessibleName(/generating/);
  await expect(generate.resultImages).toHaveCount(2);
  await expect(generate.resultImages).toHaveCount(3);
  await expect(generate.jobStatus()).toHaveText(/Saved 3 images/);
  expect(fake.stats.bodies[0]).toMatchObject({ stream: true });
});

test('Remix loads the settings of a finished job back into the workspace', async () => {
  await generate.aspect('16:9').click();
  await expect(generate.sizeLine('2560 × 1440')).toBeVisible();
  await generate.sequenceOf(2);
  await generate.generate('a lighthouse on a windy cliff');
  await expect(generate.jobStatus()).toHaveText(/Saved 2 images/);

  await generate.prompt.fill('something else');
  await generate.imageChoice(1).click();
  await generate.aspect('1:1').click();
  await generate.jobButton('Remix').click();

  await expect(generate.prompt).toHaveValue('a lighthouse on a windy cliff');
  await expect(generate.aspect('16:9')).toBeChecked();
  await expect(generate.imageChoice(2)).toBeChecked();
  await expect(generate.imageCount).toHaveValue('2');
});

test('settings are remembered after a reload, and Ctrl+Enter generates', async () => {
  await generate.chooseModel('Seedream 5.0 lite');
  await generate.prompt.fill('a quiet tea house in the mountains');
  await frame.reload();
  await expect(generate.model).toHaveText('Seedream 5.0 lite');
  await expect(generate.prompt).toHaveValue('a quiet tea house in the mountains');
  await generate.prompt.press('Control+Enter');
  await expect(generate.jobStatus()).toHaveText(/Saved 1 image/);
  expect(fake.stats.bodies[0]).toMatchObject({ model: 'doubao-seedream-5-0-260128' });
});

test('tile actions: the viewer with arrow keys, favorite, copy, show in library', async () => {
  await generate.sequenceOf(3);
  await generate.generate('a paper boat on a rain puddle');
  await expect(generate.jobStatus()).toHaveText(/Saved 3 images/);
  const second = generate.tile(1);

  await generate.tileButton(second, 'Open full size').click();
  const viewer = new ViewerPage(generate.page);
  await viewer.expectAt(2, 3);
  await frame.press('ArrowRight');
  await viewer.expectAt(3, 3);
  await expect(viewer.button('Next image')).toBeDisabled();
  await frame.press('+');
  await expect(viewer.zoomLevel).toHaveAttribute('aria-pressed', 'false');
  await frame.press('Escape');
  await expect(viewer.dialog).toBeHidden();

  const favorite = generate.tileButton(second, 'Favorite');
  await expect(favorite).toHaveAttribute('aria-pressed', 'false');
  await favorite.click();
  await expect(favorite).toHaveAttribute('aria-pressed', 'true');

  await generate.tileButton(second, 'Copy image').click();
  await expect(generate.tileStatus(second)).toHaveText('Copied');
  if (workspace.app.desktop) {
    expect(workspace.app.desktop.calls.some((call) => call.kind === 'copyImage')).toBe(true);
  }

  await generate.jobButton('Side by side').click();
  await expect(generate.jobButton('Side by side')).toHaveAttribute('aria-pressed', 'true');

  await generate.tileButton(second, 'Show in library').click();
  const library = new LibraryPage(generate.page);
  await frame.expectView('Library');
  await expect(library.detailsImage('a paper boat on a rain puddle')).toBeVisible();
});

test('results: picked tiles compare, and a right-click offers the image’s actions', async () => {
  await generate.sequenceOf(3);
  await generate.generate('a red fox in fresh snow');
  await expect(generate.jobStatus()).toHaveText(/Saved 3 images/);
  await generate.pickTile(0);
  await expect(generate.compareButton()).toBeDisabled();
  await generate.pickTile(2);
  await generate.compareButton().click();
  const compare = new ComparePage(generate.page);
  await expect(compare.images()).toHaveCount(2);
  await frame.press('Escape');
  await expect(compare.dialog).toBeHidden();

  await generate.tile(1).click({ button: 'right' });
  await generate.page.getByRole('menuitem', { name: /Open in viewer/ }).click();
  await new ViewerPage(generate.page).expectAt(2, 3);
});

test('result tiles are large, one Tab stop per job, with arrow keys and shortcuts inside', async () => {
  await generate.sequenceOf(3);
  await generate.generate('three pears on a windowsill');
  await expect(generate.jobStatus()).toHaveText(/Saved 3 images/);
  const box = await generate.tile(0).boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(340);

  await generate.tile(0).focus();
  await frame.press('ArrowRight');
  await expect(generate.tile(1)).toBeFocused();
  await frame.press('f');
  await expect(generate.tileButton(generate.tile(1), 'Favorite')).toHaveAttribute('aria-pressed', 'true');
  await frame.press('Enter');
  const viewer = new ViewerPage(generate.page);
  await viewer.expectAt(2, 3);
  await frame.press('Escape');
  await expect(viewer.dialog).toBeHidden();
  await expect(generate.tile(1)).toBeFocused();
  await frame.press('Control+Space');
  await expect(generate.tileButton(generate.tile(1), 'Select')).toHaveAttribute('aria-pressed', 'true');
  await frame.press('ArrowLeft');
  await frame.press('Control+Space');
  await frame.press('c');
  const compare = new ComparePage(generate.page);
  await expect(compare.images()).toHaveCount(2);
  await frame.press('Escape');
  await expect(compare.dialog).toBeHidden();
  await generate.tile(0).focus();
  await frame.press('Shift+F10');
  await expect(generate.page.getByRole('menu', { name: 'Actions for 2 images' })).toBeVisible();
  await frame.press('Escape');
  await frame.press('Tab');
  await expect(generate.tile(2)).not.toBeFocused();
  await expect(generate.tile(1)).not.toBeFocused();
});
