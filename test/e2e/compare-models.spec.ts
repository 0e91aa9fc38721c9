import { expect, test } from '@playwright/test';
import { CompareModelsDialog } from './pages/compare-page';
import { LibraryPage } from './pages/library-page';
import { openWorkspace, type Workspace } from './pages/generate-page';

let workspace: Workspace;

test.beforeEach(async () => {
  workspace = await openWorkspace({ scenario: { delayMs: 300 } });
});

test.afterEach(async () => {
  await workspace.close();
});

test('Compare models sends one prompt to two models and shows them side by side with time and cost; both are kept', async () => {
  const { fake, generate } = workspace;
  const prompt = 'a copper kettle on a wood stove';
  await generate.prompt.fill(prompt);
  const compare = new CompareModelsDialog(generate.page);
  await compare.open();
  await compare.choose(['Seedream 4.0', 'Seedream 4.5']);
  await expect(compare.model('Seedream 4.0')).toHaveAccessibleName('Seedream 4.0 · about $0.03 for 1 image');
  await compare.compare();

  await expect(compare.columns).toHaveCount(2);
  const expected = [
    { label: 'Seedream 4.0', cost: 'Cost $0.03' },
    { label: 'Seedream 4.5', cost: 'Cost $0.04' },
  ];
  for (const { label, cost } of expected) {
    const column = compare.column(label);
    await expect(column.getByRole('heading', { name: label, exact: true })).toBeVisible();
    await expect(column.getByRole('img', { name: prompt })).toBeVisible({ timeout: 20_000 });
    await expect(column.getByText(/^\d+\.\d s$/)).toBeVisible();
    await expect(column.getByText(cost, { exact: true })).toBeVisible();
  }
  // Side by side: both columns on one row, one after the other.
  const [left, right] = await Promise.all([
    compare.columns.nth(0).boundingBox(),
    compare.columns.nth(1).boundingBox(),
  ]);
  expect(left && right && Math.abs(left.y - right.y) < 1 && left.x + left.width <= right.x).toBe(true);

  const sent = fake.stats.bodies.map((body) => [body.model, body.prompt]);
  expect(sent.sort()).toEqual([
    ['doubao-seedream-4-0-250828', prompt],
    ['doubao-seedream-4-5-251128', prompt],
  ]);

  await compare.close();
  const library = new LibraryPage(generate.page);
  await library.open();
  await library.expectCount(2);
  await expect(library.cellWith(prompt)).toHaveCount(2);
});
