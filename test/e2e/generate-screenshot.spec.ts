import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { AppFrame } from './pages/app-frame';
import { openWorkspace, type FileSpec } from './pages/generate-page';

/** A soft two-colour gradient, so the tray in the screenshot shows something picture-like. */
async function gradient(name: string, from: string, to: string): Promise<FileSpec> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/>
    </linearGradient></defs>
    <rect width="480" height="360" fill="url(#g)"/>
    <circle cx="330" cy="120" r="60" fill="#fff" fill-opacity="0.55"/>
  </svg>`;
  return { name, mimeType: 'image/png', buffer: await sharp(Buffer.from(svg)).png().toBuffer() };
}

/**
 * Takes the README's picture of the workspace with a finished sequence, from the real UI. It is written to the
 * test's output folder; with SEEDREAM_UPDATE_SCREENSHOTS=1 it replaces assets/screenshots/generate.png.
 */
test('screenshot of the workspace with a finished sequence', async () => {
  const workspace = await openWorkspace({
    scenario: { image: { width: 1024, height: 768, pattern: 'scene' } },
  });
  try {
    const { generate } = workspace;
    await generate.pickFiles([
      await gradient('dawn.png', '#ffb088', '#5b6cff'),
      await gradient('sea.png', '#3ac5c9', '#0b3d91'),
    ]);
    await expect(generate.references).toHaveCount(2);
    await generate.aspect('4:3').click();
    await generate.sequenceOf(4);
    await generate.generate(
      'A paper boat drifting across a rain puddle at dawn, four moments from first light to full sun, soft film grain',
    );
    await expect(generate.jobStatus()).toHaveText(/Saved 4 images/);
    await expect(generate.resultImages).toHaveCount(4);
    for (const image of await generate.resultImages.all()) {
      await expect(image).toHaveJSProperty('complete', true);
    }

    const target = process.env.SEEDREAM_UPDATE_SCREENSHOTS
      ? 'assets/screenshots/generate.png'
      : test.info().outputPath('generate.png');
    mkdirSync(dirname(target), { recursive: true });
    await new AppFrame(generate.page).screenshot(target);
    expect(existsSync(target)).toBe(true);
  } finally {
    await workspace.close();
  }
});
