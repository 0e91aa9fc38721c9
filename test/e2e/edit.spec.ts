import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import type { FakeCometApi } from '../fake-cometapi/fake-cometapi';
import { EditPage } from './pages/edit-page';
import { imageFile, openWorkspace, type Workspace } from './pages/generate-page';

let workspace: Workspace;
let fake: FakeCometApi;
let edit: EditPage;

test.beforeEach(async () => {
  workspace = await openWorkspace();
  fake = workspace.fake;
  edit = new EditPage(workspace.generate.page);
  await edit.open();
});

test.afterEach(async () => {
  await workspace.close();
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

  // A rectangle drawn with the mouse, then Apply: the first reference is the marked copy.
  await edit.chooseTool('Rectangle');
  const drawn = await edit.drag({ x: 0.2, y: 0.25 }, { x: 0.6, y: 0.75 });
  await expect(edit.rectangles()).toHaveCount(1);
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

  // Clear the canvas, then Reopen edit brings back the rectangle, the box and the instruction.
  await edit.page.keyboard.press('Control+z');
  await edit.page.keyboard.press('Control+z');
  await expect(edit.rectangles()).toHaveCount(0);
  await edit.version('Edit 2').click();
  await edit.action('Reopen edit').click();
  await expect(edit.rectangles()).toHaveCount(1);
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
