import { expect, test } from '@playwright/test';
import type { FakeCometApi } from '../fake-cometapi/fake-cometapi';
import { GeneratePage, openWorkspace, type Workspace } from './pages/generate-page';

let workspace: Workspace;
let fake: FakeCometApi;
let generate: GeneratePage;

test.beforeEach(async () => {
  workspace = await openWorkspace();
  ({ fake, generate } = workspace);
});

test.afterEach(async () => {
  await workspace.close();
});

test('text to image: one tile appears at once and fills with the saved image', async () => {
  await generate.generate('a lighthouse on a windy cliff');
  await expect(generate.tiles).toHaveCount(1);
  const tile = generate.tiles.first();
  await expect(tile.getByRole('img', { name: /a lighthouse on a windy cliff/ })).toBeVisible();
  await expect(generate.job().getByRole('status')).toHaveText(/Saved 1 image/);
  await expect(generate.job()).toContainText('Usage: 1 images generated');
  expect(fake.stats.generationPosts).toBe(1);
  expect(fake.stats.bodies[0]).toMatchObject({ prompt: 'a lighthouse on a windy cliff', size: '2048x2048' });
});

test('a sequence of 4 with one failed slot shows that slot’s own reason', async () => {
  await generate.sequenceOf(4);
  await generate.generate('four seasons of one oak tree [fake:partial-failure]');
  await expect(generate.tiles).toHaveCount(4);
  await expect(generate.job().getByRole('status')).toHaveText(/Saved 3 images; 1 failed/);
  const failed = generate.tiles.nth(1);
  await expect(failed).toContainText('Image 2 failed');
  await expect(failed).toContainText(/sensitive/i);
  await expect(failed.getByRole('img')).toHaveCount(0);
  for (const index of [0, 2, 3]) {
    await expect(
      generate.tiles.nth(index).getByRole('img', { name: /four seasons of one oak tree/ }),
    ).toBeVisible();
  }
  expect(fake.stats.bodies[0]).toMatchObject({
    sequential_image_generation: 'auto',
    sequential_image_generation_options: { max_images: 4 },
  });
});

test('Cancel stops a running job', async () => {
  await generate.generate('a quiet tea house in the mountains [fake:stall]');
  const job = generate.job();
  await expect(generate.tiles).toHaveCount(1);
  await job.getByRole('button', { name: 'Cancel' }).click();
  await expect(job.getByRole('status')).toHaveText('Cancelled.');
  await expect(job.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  await expect(generate.tiles.first()).toHaveAccessibleName(/not generated/);
});

test('a rejected prompt is explained and leads back to the prompt', async () => {
  await generate.generate('something the provider refuses [fake:sensitive-prompt]');
  const alert = generate.job().getByRole('alert');
  await expect(alert).toContainText('The provider rejected the content');
  await expect(generate.job().getByRole('status')).toHaveText('Failed.');
  await expect(generate.prompt).toBeFocused();
  await generate.generateButton.focus();
  await alert.getByRole('button', { name: 'Change the prompt' }).click();
  await expect(generate.prompt).toBeFocused();
});

test('streaming fills the tiles one by one', async () => {
  await generate.page.getByText('Advanced').click();
  await generate.page.getByRole('checkbox', { name: 'Progressive results' }).check();
  await generate.sequenceOf(3);
  await generate.generate('a neon street market at night [fake:slow]');
  await expect(generate.tiles).toHaveCount(3);
  const images = generate.results.getByRole('img');
  await expect(images).toHaveCount(1);
  await expect(generate.tiles.nth(2)).toHaveAccessibleName(/generating/);
  await expect(images).toHaveCount(2);
  await expect(images).toHaveCount(3);
  await expect(generate.job().getByRole('status')).toHaveText(/Saved 3 images/);
  expect(fake.stats.bodies[0]).toMatchObject({ stream: true });
});

test('Remix loads the settings of a finished job back into the workspace', async () => {
  await generate.size.selectOption({ label: '16:9 — 2560 × 1440' });
  await generate.sequenceOf(2);
  await generate.generate('a lighthouse on a windy cliff');
  await expect(generate.job().getByRole('status')).toHaveText(/Saved 2 images/);

  await generate.prompt.fill('something else');
  await generate.single.check();
  await generate.size.selectOption({ label: '1:1 — 2048 × 2048' });
  await generate.job().getByRole('button', { name: 'Remix' }).click();

  await expect(generate.prompt).toHaveValue('a lighthouse on a windy cliff');
  await expect(generate.size).toHaveValue('aspect:2K:16:9');
  await expect(generate.sequence).toBeChecked();
  await expect(generate.maxImages).toHaveValue('2');
});

test('settings are remembered after a reload, and Ctrl+Enter generates', async () => {
  await generate.model.selectOption({ label: 'Seedream 5.0 lite' });
  await generate.prompt.fill('a quiet tea house in the mountains');
  await generate.page.reload();
  await expect(generate.model).toHaveValue('doubao-seedream-5-0-260128');
  await expect(generate.prompt).toHaveValue('a quiet tea house in the mountains');
  await generate.prompt.press('Control+Enter');
  await expect(generate.job().getByRole('status')).toHaveText(/Saved 1 image/);
  expect(fake.stats.bodies[0]).toMatchObject({ model: 'doubao-seedream-5-0-260128' });
});

test('tile actions: lightbox with arrow keys, favorite, copy, show in library', async () => {
  await generate.sequenceOf(3);
  await generate.generate('a paper boat on a rain puddle');
  await expect(generate.job().getByRole('status')).toHaveText(/Saved 3 images/);
  const second = generate.tiles.nth(1);

  await second.getByRole('button', { name: 'Open full size' }).click();
  const lightbox = generate.page.getByRole('dialog');
  await expect(lightbox.getByRole('heading')).toHaveText(/image 2 of 3/);
  await generate.page.keyboard.press('ArrowRight');
  await expect(lightbox.getByRole('heading')).toHaveText(/image 3 of 3/);
  await generate.page.keyboard.press('+');
  await expect(lightbox).toContainText(/3 of 3 · 96 × 64 · \d+%/);
  await generate.page.keyboard.press('Escape');
  await expect(lightbox).toHaveCount(0);

  const favorite = second.getByRole('button', { name: 'Favorite' });
  await expect(favorite).toHaveAttribute('aria-pressed', 'false');
  await favorite.click();
  await expect(favorite).toHaveAttribute('aria-pressed', 'true');

  await second.getByRole('button', { name: 'Copy image' }).click();
  await expect(second.getByRole('status')).toHaveText('Copied');
  if (workspace.app.desktop) {
    expect(workspace.app.desktop.calls.some((call) => call.kind === 'copyImage')).toBe(true);
  }

  await generate.job().getByRole('button', { name: 'Side by side' }).click();
  await expect(generate.job().getByRole('button', { name: 'Side by side' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await second.getByRole('button', { name: 'Show in library' }).click();
  const details = generate.page.getByRole('dialog', { name: 'Image details' });
  await expect(details.getByRole('img', { name: 'a paper boat on a rain puddle' })).toBeVisible();
  await details.getByRole('button', { name: 'Close details' }).click();
  await expect(generate.page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
});
