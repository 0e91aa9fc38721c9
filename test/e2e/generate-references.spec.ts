import { expect, test } from '@playwright/test';
import type { FakeCometApi } from '../fake-cometapi/fake-cometapi';
import { AppFrame } from './pages/app-frame';
import { GeneratePage, imageFile, openWorkspace, type Workspace } from './pages/generate-page';

let workspace: Workspace;
let fake: FakeCometApi;
let frame: AppFrame;
let generate: GeneratePage;

test.beforeEach(async () => {
  workspace = await openWorkspace();
  ({ fake, generate } = workspace);
  frame = new AppFrame(generate.page);
});

test.afterEach(async () => {
  await workspace.close();
});

function sentImages(index = 0): unknown[] {
  const body = fake.stats.bodies[index];
  return Array.isArray(body?.image) ? body.image : [];
}

test('image to image from three dropped files, reordered from the keyboard', async () => {
  await generate.dropFiles([
    await imageFile('first.png', { width: 64 }),
    await imageFile('second.jpg', { width: 80, format: 'jpeg', hue: 40 }),
    await imageFile('third.png', { width: 96, hue: 90 }),
  ]);
  await expect(generate.references).toHaveCount(3);
  await expect(generate.says('3 / 14')).toBeVisible();
  await expect(generate.imageCount).toHaveAttribute('max', '12');
  await expect(generate.referenceImage(0)).toHaveAccessibleName(/64 × 48/);

  await generate.reference(0).focus();
  await frame.press('Alt+ArrowRight');
  await expect(generate.referenceImage(0)).toHaveAccessibleName(/80 × 48/);
  await expect(generate.reference(1)).toBeFocused();

  await generate.generate('the same scene at dusk');
  await expect(generate.jobStatus()).toHaveText(/Saved 1 image/);
  await expect(generate.job()).toContainText('3 references');
  const images = sentImages();
  expect(images).toHaveLength(3);
  expect(String(images[0])).toMatch(/^data:image\/jpeg;base64,/);
  expect(String(images[1])).toMatch(/^data:image\/png;base64,/);
});

test('14 references fill the tray and a 15th is refused with a message', async () => {
  const files = await Promise.all(
    Array.from({ length: 14 }, (_, index) => imageFile(`ref-${index + 1}.png`, { hue: index * 17 + 3 })),
  );
  await generate.pickFiles(files);
  await expect(generate.references).toHaveCount(14);
  await expect(generate.says('14 / 14')).toBeVisible();

  await generate.dropFiles([await imageFile('one-too-many.png', { hue: 250 })]);
  await expect(generate.trayMessage(/one-too-many\.png was not added: the tray is full/)).toBeVisible();
  await expect(generate.references).toHaveCount(14);

  // References and images together may be at most 15: one image is all that is left.
  await expect(generate.imageCount).toHaveValue('1');
  await expect(generate.imageCount).toHaveAttribute('max', '1');
  await expect(generate.imageChoice(2)).toBeDisabled();
  await generate.sequenceOf(4);
  await expect(generate.imageCount).toHaveValue('1');
  await expect(generate.says('You asked for 4; next to 14 references there is room for 1.')).toBeVisible();
});

test('a drop that mixes good and bad files keeps the good ones and explains each refusal', async () => {
  await generate.dropFiles([
    await imageFile('good.png'),
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') },
    { name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('PNG? no, just text pretending') },
    await imageFile('tiny.png', { width: 10, height: 10, hue: 60 }),
    await imageFile('wide.png', { width: 6400, height: 480, hue: 120 }),
    await imageFile('good.jpg', { format: 'jpeg', hue: 160 }),
  ]);
  await expect(generate.references).toHaveCount(3);
  await expect(generate.trayMessage(/notes\.txt was not added: it is not an image/)).toBeVisible();
  await expect(generate.trayMessage(/broken\.png was not added: .*not an image/i)).toBeVisible();
  await expect(generate.trayMessage(/tiny\.png was not added: .*over 14 pixels/)).toBeVisible();
  await expect(generate.trayMessage(/wide\.png: .*converted/)).toBeVisible();

  await generate.removeReference(2);
  await expect(generate.references).toHaveCount(2);
  await generate.clearReferences();
  await expect(generate.references).toHaveCount(0);
  await expect(generate.says('0 / 14')).toBeVisible();
});

test('drag a result into the tray and generate an edit from it', async () => {
  await generate.generate('a red fox in fresh snow');
  await expect(generate.jobStatus()).toHaveText(/Saved 1 image/);
  await generate.dragTileToTray(generate.tile(0));
  await expect(generate.references).toHaveCount(1);

  await generate.generate('the same fox, now at night');
  await expect(generate.jobs).toHaveCount(2);
  await expect(generate.job(0)).toContainText('the same fox, now at night');
  await expect(generate.jobStatus(0)).toHaveText(/Saved 1 image/);
  await expect(generate.job(0)).toContainText('1 reference');
  expect(sentImages(1)).toHaveLength(1);
});

test('pasting an image adds it as a reference, even with the focus in the prompt', async () => {
  await generate.prompt.click();
  await generate.pasteFiles([await imageFile('clipboard.png', { hue: 15 })]);
  await expect(generate.references).toHaveCount(1);
  await expect(generate.prompt).toHaveValue('');
});
