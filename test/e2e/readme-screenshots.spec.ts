import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { sceneSvg } from '../fake-cometapi/scene-svg';
import { AppFrame } from './pages/app-frame';
import { EditPage } from './pages/edit-page';
import { GeneratePage, openWorkspace } from './pages/generate-page';
import { QueuePanel } from './pages/queue-panel';
import { UsagePage } from './pages/usage-page';

/**
 * The README's pictures of Edit, Usage and the queue, from the real UI. Each is written to the test's output folder;
 * with SEEDREAM_UPDATE_SCREENSHOTS=1 it replaces the file of the same name in assets/screenshots/.
 */
async function saveScreenshot(page: Page, name: string): Promise<void> {
  const target = process.env.SEEDREAM_UPDATE_SCREENSHOTS
    ? `assets/screenshots/${name}`
    : test.info().outputPath(name);
  mkdirSync(dirname(target), { recursive: true });
  await new AppFrame(page).screenshot(target);
  expect(existsSync(target)).toBe(true);
}

test('screenshot of Usage after work on three models', async () => {
  const workspace = await openWorkspace({
    scenario: { image: { width: 1024, height: 1024, pattern: 'scene' } },
  });
  try {
    const { generate } = workspace;
    const runs = [
      { model: 'Seedream 4.5', prompt: 'a paper lantern festival over a river at night', images: 4 },
      { model: 'Seedream 4.0', prompt: 'a lighthouse in a winter storm', images: 2 },
      { model: 'Seedream 5.0 lite', prompt: '一只在竹林里睡觉的熊猫', images: 3 },
    ];
    for (const run of runs) {
      await generate.chooseModel(run.model);
      await generate.sequenceOf(run.images);
      await generate.generate(run.prompt);
      await expect(generate.jobStatus()).toHaveText(/Saved \d+ images?/);
    }
    const usage = new UsagePage(generate.page);
    await usage.open();
    await expect(usage.rows()).toHaveCount(3);
    await expect(usage.chart).toBeVisible();
    await expect(usage.chart.locator('.recharts-bar-rectangle')).toHaveCount(3);
    await saveScreenshot(generate.page, 'usage.png');
  } finally {
    await workspace.close();
  }
});

test('screenshot of the queue working through a batch', async () => {
  const workspace = await openWorkspace({
    scenario: { delayMs: 2_500, image: { width: 1024, height: 1024, pattern: 'scene' } },
  });
  try {
    const generate = new GeneratePage(workspace.generate.page);
    const queue = new QueuePanel(generate.page);
    await queue.addBatch([
      'a red kite over dunes',
      'a blue boat in morning fog',
      'a lighthouse in a winter storm',
      'a green field after rain',
      'a paper crane on a desk',
      'a neon street at night',
    ]);
    await expect(queue.items).toHaveCount(6);
    await expect(queue.inState('Done')).toHaveCount(2, { timeout: 20_000 });
    await saveScreenshot(generate.page, 'queue.png');
  } finally {
    await workspace.close();
  }
});

test('screenshot of Edit with marks drawn and applied once', async () => {
  const workspace = await openWorkspace({
    scenario: { image: { width: 1280, height: 960, pattern: 'scene' } },
  });
  try {
    const edit = new EditPage(workspace.generate.page);
    await edit.open();
    const scene = await sharp(Buffer.from(sceneSvg(2, 1280, 960)))
      .png()
      .toBuffer();
    await edit.dropFiles([{ name: 'harbour.png', mimeType: 'image/png', buffer: scene }]);
    await expect(edit.version('Original')).toBeVisible();
    await edit.chooseTool('Ellipse');
    await edit.drag({ x: 0.55, y: 0.2 }, { x: 0.85, y: 0.5 });
    await edit.chooseTool('Arrow');
    await edit.drag({ x: 0.3, y: 0.75 }, { x: 0.52, y: 0.45 });
    await edit.writeText({ x: 0.12, y: 0.82 }, 'add a lighthouse');
    await edit.apply('add a lighthouse where the circle is, keep the light of the scene');
    await expect(edit.version('Edit 1')).toBeVisible();
    await expect(edit.version('Edit 1').locator('img')).toHaveJSProperty('complete', true);
    await saveScreenshot(edit.page, 'edit.png');
  } finally {
    await workspace.close();
  }
});
