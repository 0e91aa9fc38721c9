import { expect, test } from '@playwright/test';
import { AppFrame } from './pages/app-frame';
import { openWorkspace, type Workspace } from './pages/generate-page';
import { SettingsPage } from './pages/settings-page';

let workspace: Workspace;

test.beforeEach(async () => {
  workspace = await openWorkspace({ withKey: false });
});

test.afterEach(async () => {
  await workspace.close();
});

test('with no key set, Generate explains it and leads to Settings without calling the API', async () => {
  const { generate, fake } = workspace;
  await expect(generate.keyNote).toContainText('No API key is set yet');
  await generate.generate('a red fox in fresh snow');
  const alert = generate.alert('No API key is set');
  await expect(alert).toBeVisible();
  await generate.buttonIn(alert, 'Open Settings').click();
  await new AppFrame(generate.page).expectView('Settings');
  await expect(new SettingsPage(generate.page).keyField).toBeVisible();
  expect(fake.stats.generationPosts).toBe(0);
});
