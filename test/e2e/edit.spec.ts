import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import type { FakeCometApi } from '../fake-cometapi/fake-cometapi';
import { EditPage } from './pages/edit-page';
import { imageFile } from './pages/generate-page';
import { openSession, type Session } from './support/session';

let session: Session;
let fake: FakeCometApi;
let edit: EditPage;

test.beforeEach(async () => {
  session = await openSession({ api: { fake: undefined } });
  if (!session.fake) throw new Error('The session was asked for the fake API.');
  fake = session.fake;
  edit = new EditPage(session.page);
  await edit.open();
});

test.afterEach(async () => {
  await session.close();
});

const base = { width: 300, height: 200 };

/** The base pixel under a point of the canvas, as the view computes it (a hundredth of a pixel). */
function basePixel(screen: number, drawn: number, side: number): number {
  return Math.round((screen / drawn) * side * 100) / 100;
}

async function pixels(bytes: Buffer) {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  return (x: number, y: number) => {
    const at = (Math.round(y) * info.width + Math.round(x)) * info.channels;
    return [data[at] ?? 0, data[at + 1] ?? 0, data[at + 2] ?? 0];
  };
}

test('marks, a region, reopen and before/after, as the API receives them', async () => {
  const original = await imageFile('street.png', { ...base, hue: 60 });
  await edit.dropFiles([original]);
  await expect(edit.canvas).toHaveAccessibleName('Base image, 300 by 200 pixels');
  await expect(edit.version('Original')).toBeVisible();

  // Zoomed in, Space and a drag pan the canvas under a hand, and draw nothing.
  await edit.zoom('Zoom in');
  await edit.zoom('Zoom in');
  const before = await edit.scrolled();
  await edit.panWithSpace({ x: -60, y: -40 });
  const after = await edit.scrolled();
  expect([after.left - before.left, after.top - before.top]).toEqual([60, 40]);
  await expect(edit.canvas.locator('.edit-marks > *')).toHaveCount(0);
  await edit.zoom('Fit');

  // A rectangle drawn with the mouse, then Apply: the first reference is the marked copy.
  await edit.chooseTool('Rectangle');
  const drawn = await edit.drag({ x: 0.2, y: 0.25 }, { x: 0.6, y: 0.75 });
  await expect(edit.rectangles()).toHaveCount(1);
  // And a Text mark, drawn by the page with its fonts and placed by main: its glyphs are in the sent copy.
  await edit.chooseWidth('Thick');
  await edit.writeText({ x: 0.65, y: 0.3 }, 'sky');
  await edit.apply('put a window where the rectangle is');
  await expect(edit.version('Edit 1')).toBeVisible();
  expect(fake.stats.generationPosts).toBe(1);
  const [marked] = fake.stats.references[0] ?? [];
  if (!marked) throw new Error('The fake received no reference.');
  const sent = await pixels(marked.bytes);
  const source = await pixels(original.buffer);
  const left = basePixel(drawn.start.x, drawn.width, base.width);
  const top = basePixel(drawn.start.y, drawn.height, base.height);
  const bottom = basePixel(drawn.end.y, drawn.height, base.height);
  const onStroke = { x: left, y: (top + bottom) / 2 };
  expect(sent(onStroke.x, onStroke.y)).not.toEqual(source(onStroke.x, onStroke.y));
  expect(sent(onStroke.x, onStroke.y)[0]).toBeGreaterThan(200);
  for (const [x, y] of [
    [left + 20, (top + bottom) / 2],
    [290, 190],
    [5, 5],
  ] as const) {
    expect(sent(x, y)).toEqual(source(x, y));
  }
  // What was sent is what was seen: right of the rectangle, every changed pixel lies in the box the page
  // showed the text in, and its glyphs are there in red.
  const shown = await edit.textBounds('sky');
  const glyphs = {
    left: shown.left * base.width - 2,
    top: shown.top * base.height - 2,
    right: shown.right * base.width + 2,
    bottom: shown.bottom * base.height + 2,
  };
  const right = basePixel(drawn.end.x, drawn.width, base.width);
  const changed: [number, number][] = [];
  for (let y = 0; y < base.height; y += 1) {
    for (let x = Math.ceil(right + 5); x < base.width; x += 1) {
      if (sent(x, y).join() !== source(x, y).join()) changed.push([x, y]);
    }
  }
  const inked = changed.filter(([x, y]) => (sent(x, y)[0] ?? 0) > 200 && (sent(x, y)[1] ?? 255) < 100);
  expect(inked.length).toBeGreaterThan(20);
  expect(
    changed.filter(([x, y]) => x < glyphs.left || x > glyphs.right || y < glyphs.top || y > glyphs.bottom),
  ).toEqual([]);
  expect(String(fake.stats.bodies[0]?.prompt)).toBe(
    'put a window where the rectangle is Remove the marks drawn on the image.',
  );

  // A model that reads regions: the box drawn becomes its <bbox> tag, numbers from the drawn shape.
  await edit.chooseModel('Seedream 5.0 pro');
  await edit.chooseMode('Regions');
  await expect(edit.regionTools.getByRole('radio', { name: 'Box' })).toBeChecked();
  await edit.prompt.fill('make this a door: ');
  const box = await edit.drag({ x: 0.5, y: 0.1 }, { x: 0.9, y: 0.6 });
  await expect(edit.regionChips.getByText('Box 1')).toBeVisible();
  await expect(edit.prompt).toHaveValue('make this a door: [[box 1]]');
  await edit.apply();
  await expect(edit.version('Edit 2')).toBeVisible();
  const scaled = (screen: number, drawnSide: number, side: number) =>
    Math.round((basePixel(screen, drawnSide, side) / side) * 999);
  const expected = [
    scaled(box.start.x, box.width, base.width),
    scaled(box.start.y, box.height, base.height),
    scaled(box.end.x, box.width, base.width),
    scaled(box.end.y, box.height, base.height),
  ];
  expect(fake.stats.bodies[1]).toMatchObject({
    model: 'seedream-5-0-pro-260628',
    prompt: `make this a door: <bbox>${expected.join(' ')}</bbox> Remove the marks drawn on the image.`,
  });

  // Clear the canvas, then Reopen edit brings back the rectangle, the text, the box and the instruction.
  for (let step = 0; step < 3; step += 1) await edit.page.keyboard.press('Control+z');
  await expect(edit.rectangles()).toHaveCount(0);
  await expect(edit.texts()).toHaveCount(0);
  await edit.version('Edit 2').click();
  await edit.action('Reopen edit').click();
  await expect(edit.rectangles()).toHaveCount(1);
  await expect(edit.texts()).toHaveText(['sky']);
  await expect(edit.regionChips.getByText('Box 1')).toBeVisible();
  await expect(edit.prompt).toHaveValue('make this a door: [[box 1]]');

  // Before and after: the slider moves.
  await edit.version('Edit 1').click();
  await edit.action('Before and after').click();
  await expect(edit.compare.getByRole('img', { name: /^Image 2/ })).toBeVisible();
  await edit.compare.getByRole('radio', { name: 'Before and after' }).click();
  const slider = edit.compare.getByRole('slider', { name: 'Compare position' });
  await expect(slider).toHaveAttribute('aria-valuenow', '50');
  await slider.focus();
  await edit.page.keyboard.press('ArrowRight');
  await edit.page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuenow', '52');
});

test('the versions of a picture are listed again after the app is closed and opened', async () => {
  const original = await imageFile('harbour.png', { ...base, hue: 200 });
  await edit.dropFiles([original]);
  await edit.chooseTool('Rectangle');
  await edit.drag({ x: 0.2, y: 0.2 }, { x: 0.5, y: 0.5 });
  await edit.apply('a boat here');
  await expect(edit.version('Edit 1')).toBeVisible();
  // Edit 2 continues Edit 1; Edit 3 branches from the original, so both lines exist.
  await edit.version('Edit 1').click();
  await edit.action('Continue from this version').click();
  await edit.apply('make it dusk');
  await expect(edit.version('Edit 2')).toBeVisible();
  await edit.version('Original').click();
  await edit.action('Continue from this version').click();
  await edit.apply('add a lighthouse');
  await expect(edit.version('Edit 3')).toBeVisible();

  await session.relaunch();
  edit = new EditPage(session.page);
  await edit.open();
  await expect(edit.versions).toHaveCount(0);
  // The same picture opened again: its versions come from the library.
  await edit.dropFiles([original]);
  await expect(edit.versions.getByRole('button')).toHaveText(['Original', 'Edit 1', 'Edit 2', 'Edit 3']);
  // Each is compared with the version it was made from.
  await edit.version('Edit 2').click();
  await edit.action('Before and after').click();
  await expect(edit.compare.getByRole('img', { name: /^Image 1: a boat here/ })).toBeVisible();
  await expect(edit.compare.getByRole('img', { name: /^Image 2: make it dusk/ })).toBeVisible();
  await edit.page.keyboard.press('Escape');
  await expect(edit.compare).toHaveCount(0);
  await edit.version('Edit 3').click();
  await edit.action('Before and after').click();
  await expect(edit.compare.getByRole('img', { name: 'Image 1: Image without a prompt' })).toBeVisible();
  await expect(edit.compare.getByRole('img', { name: /^Image 2: add a lighthouse/ })).toBeVisible();
  await edit.page.keyboard.press('Escape');
  // And Reopen edit still puts the first edit's rectangle back.
  await edit.version('Edit 1').click();
  await edit.action('Reopen edit').click();
  await expect(edit.rectangles()).toHaveCount(1);
  await expect(edit.prompt).toHaveValue('a boat here');
});
