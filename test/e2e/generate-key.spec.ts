import { expect, test } from '@playwright/test';
import { openWorkspace, type Workspace } from './pages/generate-page';

let workspace: Workspace;

test.beforeEach(async () => {
  workspace = await openWorkspace({ withKey: false });
});

test.afterEach(async () => {
  await workspace.close();
});

test('with no key set, Generate explains it and leads to Settings without calling the API', async () => {
  const { generate, fake } = workspace;
  const page = generate.page;
  await expect(page.getByRole('note')).toContainText('No API key is set yet');
  await generate.generate('a red fox in fresh snow');
  const alert = page.getByRole('alert').filter({ hasText: 'No API key is set' });
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Open Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'API key' })).toBeVisible();
  expect(fake.stats.generationPosts).toBe(0);
});
