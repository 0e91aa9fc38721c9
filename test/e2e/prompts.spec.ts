import { expect, test } from '@playwright/test';
import type { FakeCometApi } from '../fake-cometapi/fake-cometapi';
import { openWorkspace, type GeneratePage, type Workspace } from './pages/generate-page';
import { PromptTools } from './pages/prompt-tools';
import { QueuePanel } from './pages/queue-panel';

let workspace: Workspace;
let fake: FakeCometApi;
let generate: GeneratePage;
let tools: PromptTools;

test.beforeEach(async () => {
  workspace = await openWorkspace();
  ({ fake, generate } = workspace);
  tools = new PromptTools(generate.page);
});

test.afterEach(async () => {
  await workspace.close();
});

const sentPrompts = () => fake.stats.bodies.map((body) => body.prompt);

test('Ctrl+Up and Ctrl+Down walk through the prompts sent, and Prompt history finds them in English and Chinese', async () => {
  const older = 'a red kite over the dunes';
  const newer = '一只在竹林里睡觉的熊猫';
  await generate.generate(older);
  await expect(generate.jobStatus()).toHaveText(/Saved 1 image/);
  await generate.generate(newer);
  await expect(generate.jobStatus()).toHaveText(/Saved 1 image/);

  // A prompt being written is where the walk starts from and comes back to.
  await tools.prompt.fill('a half-written idea');
  await tools.walkHistory('back');
  await expect(tools.prompt).toHaveValue(newer);
  await tools.walkHistory('back');
  await expect(tools.prompt).toHaveValue(older);
  await tools.walkHistory('forward');
  await expect(tools.prompt).toHaveValue(newer);
  await tools.walkHistory('forward');
  await expect(tools.prompt).toHaveValue('a half-written idea');

  await tools.openHistory();
  await expect(tools.historyEntries()).toHaveText([newer, older]);
  await tools.searchHistory('竹林');
  await expect(tools.historyEntries()).toHaveText([newer]);
  await tools.searchHistory('kite');
  await expect(tools.historyEntries()).toHaveText([older]);
  await tools.historyEntries().first().click();
  await expect(tools.history).toBeHidden();
  await expect(tools.prompt).toHaveValue(older);
});

test('Prompt library: tagged templates, a {variable} filled in before sending, {a|b} choices queued as a batch, and a cap', async () => {
  await tools.prompt.fill('a watercolor {subject} in the snow');
  await tools.openLibrary();
  await tools.savePrompt('Winter scene', ['animals', '冬天']);
  await tools.closeLibrary();
  await tools.prompt.fill('a {spring|summer} garden');
  await tools.openLibrary();
  await tools.savePrompt('Seasons', ['gardens']);
  await expect(tools.savedPrompts()).toHaveCount(2);
  await expect(tools.savedPrompt('Winter scene')).toContainText('animals, 冬天');
  await tools.filterLibrary('冬天');
  await expect(tools.savedPrompts()).toHaveCount(1);
  await expect(tools.savedPrompt('Winter scene')).toBeVisible();

  await tools.usePrompt('Winter scene');
  await expect(tools.prompt).toHaveValue('a watercolor {subject} in the snow');
  await expect(tools.templateStatus).toHaveText('Fill in subject to send it.');
  await tools.variable('subject').fill('red fox');
  await expect(tools.templateStatus).toHaveText('Makes 1 prompt');
  await generate.generateButton.click();
  await expect(generate.jobStatus()).toHaveText(/Saved 1 image/);
  expect(sentPrompts()).toEqual(['a watercolor red fox in the snow']);

  await tools.openLibrary();
  await tools.filterLibrary('garden');
  await expect(tools.savedPrompts()).toHaveCount(1);
  await tools.usePrompt('Seasons');
  await expect(tools.templateStatus).toHaveText(
    'Makes 2 prompts. Several prompts: use "Add to queue" to send them all.',
  );
  const queue = new QueuePanel(generate.page);
  await queue.addDraft();
  await expect(queue.items).toHaveCount(2);
  await expect(queue.inState('Done')).toHaveCount(2, { timeout: 20_000 });
  expect([...sentPrompts()].sort()).toEqual([
    'a spring garden',
    'a summer garden',
    'a watercolor red fox in the snow',
  ]);

  // 15 × 15 = 225 prompts, over the cap of 200: refused as written, before anything is queued or sent.
  const choices = 'a|b|c|d|e|f|g|h|i|j|k|l|m|n|o';
  await tools.prompt.fill(`{${choices}} and {${choices}}`);
  await expect(tools.templateStatus).toHaveText(
    'Makes 225 prompts, more than the limit of 200; remove some choices.',
  );
  await queue.addDraft();
  await expect(tools.prompt).toBeFocused();
  await expect(queue.items).toHaveCount(2);
  expect(fake.stats.generationPosts).toBe(3);
});
