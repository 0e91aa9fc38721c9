import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { LibraryPage } from './pages/library-page';
import { openWorkspace, type Workspace } from './pages/generate-page';

let workspace: Workspace;

test.beforeEach(async () => {
  workspace = await openWorkspace();
});

test.afterEach(async () => {
  await workspace.close();
});

test('Save as set keeps the library images of the tray in order, one click brings them back, and the set lists what used it', async () => {
  const { fake, generate } = workspace;
  const wide = '320 × 240';
  const tall = '240 × 320';
  /** The tray holds images of these sizes, in this order (each is named "Reference image 1, 320 × 240"). */
  const expectTray = async (sizes: readonly string[]) => {
    await expect(generate.references).toHaveCount(sizes.length);
    for (const [index, size] of sizes.entries()) {
      await expect(generate.referenceImage(index)).toHaveAccessibleName(
        `Reference image ${index + 1}, ${size}`,
      );
    }
  };
  // Two library images of different sizes, so the tray's names tell them apart.
  fake.setScenario({ image: { width: 320, height: 240 } });
  await generate.generate('a wide lighthouse');
  await expect(generate.jobStatus()).toHaveText(/Saved 1 image/);
  fake.setScenario({ image: { width: 240, height: 320 } });
  await generate.generate('a tall lighthouse');
  await expect(generate.jobStatus()).toHaveText(/Saved 1 image/);

  const library = new LibraryPage(generate.page);
  await library.open();
  await library.expectCount(2);
  await library.clickCell(0);
  await library.clickCell(1, ['Shift']);
  await library.bulkButton('Use as references').click();
  // In the library's order, newest first: not the order the images were made in, which a set must not fall
  // back to.
  const order = [tall, wide];
  await expectTray(order);

  await generate.saveReferenceSet('Lighthouses');
  await expect(generate.referenceSet('Lighthouses')).toContainText('2 images');
  const none = await generate.showReferenceSetUses('Lighthouses');
  await expect(generate.referenceSet('Lighthouses')).toContainText('Used by 0 generations');
  await expect(none).toHaveCount(0);

  await generate.clearReferences();
  await expect(generate.references).toHaveCount(0);
  await generate.useReferenceSet('Lighthouses');
  await expectTray(order);

  fake.setScenario({});
  await generate.generate('two lighthouses at dusk');
  await expect(generate.jobStatus()).toHaveText(/Saved 1 image/);
  // The set's images went out in the set's order.
  const sent = await Promise.all(
    (fake.stats.references.at(-1) ?? []).map(async ({ bytes }) => {
      const { width, height } = await sharp(bytes).metadata();
      return `${width} × ${height}`;
    }),
  );
  expect(sent).toEqual(order);
  const uses = await generate.showReferenceSetUses('Lighthouses');
  await expect(uses).toHaveText(['two lighthouses at dusk']);
  await expect(generate.referenceSet('Lighthouses')).toContainText('Used by 1 generation');
});
