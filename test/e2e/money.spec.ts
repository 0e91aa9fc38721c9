import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { FakeCometApi } from '../fake-cometapi/fake-cometapi';
import { openWorkspace, type GeneratePage, type Workspace } from './pages/generate-page';
import { SettingsPage } from './pages/settings-page';
import { UsagePage, type ChartPart } from './pages/usage-page';

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

const posts = () => fake.stats.requests.filter((entry) => entry.method === 'POST').length;

test('a job says what it cost, and Usage shows it by day and month, and exports it as CSV', async () => {
  await generate.generate('a paper lantern');
  await expect(generate.jobStatus()).toHaveText(/Saved 1 image/);
  await expect(generate.job()).toContainText('Cost $0.04');

  const usage = new UsagePage(generate.page);
  await usage.open();
  await expect(usage.region).toBeVisible();
  await expect(usage.rows()).toHaveCount(1);
  await expect(usage.rows().first()).toContainText('Seedream 4.5');
  await expect(usage.rows().first()).toContainText('CometAPI');
  await expect(usage.rows().first()).toContainText('$0.04');
  await usage.groupBy('Month');
  await expect(usage.rows().first().getByRole('rowheader')).toHaveText(/^\d{4}-\d{2}$/);

  const download = await usage.exportCsv();
  expect(download.suggestedFilename()).toBe('seedream-usage-by-month.csv');
  const path = await download.path();
  const csv = await readFile(path, 'utf8');
  expect(csv.split(/\r?\n/)[0]).toBe(
    'period,model,gateway,currency,generations,images,cost,failed_or_cancelled_cost',
  );
  expect(csv).toContain('Seedream 4.5,CometAPI,USD,1,1,0.04,0');
});

/** Which theme colour (styles/tokens.css) each part of the Usage chart is drawn in. */
const chartTokens: Record<ChartPart, `--${string}`> = {
  'axis text': '--text-muted',
  'axis line': '--border',
  grid: '--border',
  'first bar': '--chart-1',
  'legend text': '--text',
  'tooltip background': '--surface',
  'tooltip border': '--border',
  'tooltip label': '--text',
  'tooltip item': '--text',
  'tooltip cursor': '--surface-2',
};

test('the Usage chart is drawn in the theme’s colours, light and dark alike', async () => {
  await generate.generate('a paper lantern');
  await expect(generate.jobStatus()).toHaveText(/Saved 1 image/);
  const usage = new UsagePage(generate.page);
  await usage.open();
  await expect(usage.chart).toBeVisible();
  const axisText: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await generate.page.emulateMedia({ colorScheme });
    await usage.showTooltip();
    for (const [part, token] of Object.entries(chartTokens) as [ChartPart, `--${string}`][]) {
      expect(await usage.chartColour(part), `${part} in ${colorScheme}`).toBe(await usage.themeColour(token));
    }
    axisText.push(await usage.chartColour('axis text'));
  }
  expect(axisText[0]).not.toBe(axisText[1]);
});

test('a daily budget refuses a request before anything is sent, and says how to change it', async () => {
  await generate.generate('a first lantern');
  await expect(generate.jobStatus()).toHaveText(/Saved 1 image/);
  expect(posts()).toBe(1);

  const settings = new SettingsPage(generate.page);
  await settings.open();
  await settings.setBudgets({ daily: '0.05' });
  await generate.open();
  await generate.generate('a second lantern');
  await expect(generate.alert('daily budget of $0.05')).toBeVisible();
  await expect(generate.alert('change the Daily budget in Settings')).toBeVisible();
  expect(posts()).toBe(1);
});

test('the workspace offers what the gateway sells, estimates the cost, and lists what a model switch changed', async () => {
  await generate.prompt.fill('a paper lantern');
  await generate.sequenceOf(4);
  await expect(generate.page.getByText('about $0.16 for up to 4 images')).toBeVisible();
  await generate.model.click();
  await expect(
    generate.page.getByRole('option', { name: /^Seedream 5\.0 flash \(not offered by CometAPI\)/ }),
  ).toHaveAttribute('aria-disabled', 'true');
  await generate.page.keyboard.press('Escape');
  await generate.chooseModel('Seedream 5.0 pro');
  const notice = generate.page.getByRole('status').filter({ hasText: 'Moved to Seedream 5.0 pro' });
  await expect(notice).toContainText('a sequence of up to 4 images became one image');
  await expect(generate.page.getByText('about $0.12 for 1 image')).toBeVisible();
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(generate.model).toContainText('Seedream 4.5');
  await expect(generate.page.getByText('about $0.16 for up to 4 images')).toBeVisible();
});
