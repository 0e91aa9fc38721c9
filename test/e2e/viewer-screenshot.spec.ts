import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, test } from '@playwright/test';
import { AppFrame } from './pages/app-frame';
import { ComparePage } from './pages/compare-page';
import { openWorkspace, type GeneratePage } from './pages/generate-page';
import { ViewerPage } from './pages/viewer-page';

/**
 * Takes the README's pictures of the viewer and of compare from the real UI, over a sequence of four scenes
 * from the fake API. Written to the test's output folder; with SEEDREAM_UPDATE_SCREENSHOTS=1 they replace
 * assets/screenshots/viewer.png and compare.png.
 */

async function sequenceOfScenes(generate: GeneratePage): Promise<void> {
  await generate.sequenceOf(4);
  await generate.generate(
    'A lighthouse on a windy cliff through one day, from dawn to dusk, soft film grain',
  );
  await expect(generate.jobStatus()).toHaveText(/Saved 4 images/);
  for (const image of await generate.resultImages.all()) {
    await expect(image).toHaveJSProperty('complete', true);
  }
}

function target(name: string): string {
  const path = process.env.SEEDREAM_UPDATE_SCREENSHOTS
    ? `assets/screenshots/${name}`
    : test.info().outputPath(name);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}

test('screenshot of the viewer', async () => {
  const workspace = await openWorkspace({
    scenario: { image: { width: 1536, height: 1024, pattern: 'scene' } },
  });
  try {
    const { generate } = workspace;
    await sequenceOfScenes(generate);
    await generate.tileButton(generate.tile(1), 'Open full size').click();
    const viewer = new ViewerPage(generate.page);
    await viewer.expectAt(2, 4);
    await expect(viewer.image()).toHaveJSProperty('complete', true);
    for (const thumbnail of await viewer.filmstrip.getByRole('img').all()) {
      await expect(thumbnail).toHaveJSProperty('complete', true);
    }
    const path = target('viewer.png');
    await new AppFrame(generate.page).screenshot(path);
    expect(existsSync(path)).toBe(true);
  } finally {
    await workspace.close();
  }
});

test('screenshot of compare with the before/after slider', async () => {
  const workspace = await openWorkspace({
    scenario: { image: { width: 1536, height: 1024, pattern: 'scene' } },
  });
  try {
    const { generate } = workspace;
    await sequenceOfScenes(generate);
    await generate.pickTile(0);
    await generate.pickTile(3);
    await generate.compareButton().click();
    const compare = new ComparePage(generate.page);
    await compare.layout('Before and after');
    await expect(compare.position).toHaveAttribute('aria-valuenow', '50');
    for (const image of await compare.images().all()) await expect(image).toHaveJSProperty('complete', true);
    const path = target('compare.png');
    await new AppFrame(generate.page).screenshot(path);
    expect(existsSync(path)).toBe(true);
  } finally {
    await workspace.close();
  }
});
