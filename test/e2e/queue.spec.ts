import { expect, test } from '@playwright/test';
import { GeneratePage } from './pages/generate-page';
import { QueuePanel } from './pages/queue-panel';
import { SettingsPage } from './pages/settings-page';
import { openSession, type Session } from './support/session';

let session: Session;

test.afterEach(async () => {
  await session.close();
});

const prompts = ['a red kite', 'a blue boat', '一座灯塔', 'a green field', 'a paper crane'];

test('a queue of five carries on after the app is closed and opened again, sending each prompt once', async () => {
  // Each answer takes a while, so the app is closed while later items still wait.
  session = await openSession({ api: { fake: { delayMs: 1_500 } } });
  const generate = new GeneratePage(session.page);
  await generate.open();
  let queue = new QueuePanel(session.page);
  await queue.addBatch(prompts);
  await expect(queue.items).toHaveCount(5);
  await expect(queue.inState('Done')).toHaveCount(2, { timeout: 20_000 });

  const fake = session.fake;
  if (!fake) throw new Error('The session was asked for the fake API.');
  await session.relaunch(() => {
    // Quitting took nothing new: the two running then finished, the fifth was never sent.
    expect(fake.stats.generationPosts).toBe(4);
    fake.setScenario({ delayMs: 4_000 });
  });
  await new GeneratePage(session.page).open();
  queue = new QueuePanel(session.page);
  await expect(queue.items).toHaveCount(5);
  // The two sent when the app quit finished within its grace; the fifth waited in the catalog and goes now.
  await expect(queue.inState('Done')).toHaveCount(5, { timeout: 30_000 });
  await expect(queue.inState('Outcome unknown')).toHaveCount(0);
  const sent = fake.stats.bodies.map((body) => body.prompt);
  expect([...sent].sort()).toEqual([...prompts].sort());
});

test('Pause queue holds what waits, Resume queue sends it', async () => {
  session = await openSession({ api: { fake: undefined } });
  const generate = new GeneratePage(session.page);
  await generate.open();
  const queue = new QueuePanel(session.page);
  await queue.pauseButton.click();
  await expect(queue.resumeButton).toBeVisible();
  await generate.prompt.fill('a quiet harbour');
  await session.page.getByRole('button', { name: 'Add to queue' }).click();
  await expect(queue.inState('Waiting')).toHaveCount(1);
  expect(session.fake?.stats.generationPosts).toBe(0);
  await queue.resumeButton.click();
  await expect(queue.inState('Done')).toHaveCount(1, { timeout: 20_000 });
  expect(session.fake?.stats.bodies.map((body) => body.prompt)).toEqual(['a quiet harbour']);
});

test('a Daily budget too small for the next item pauses the queue, says why, and sends nothing', async () => {
  session = await openSession({ api: { fake: undefined } });
  const fake = session.fake;
  if (!fake) throw new Error('The session was asked for the fake API.');
  const settings = new SettingsPage(session.page);
  await settings.open();
  await settings.setBudgets({ daily: '0.01' });
  const generate = new GeneratePage(session.page);
  await generate.open();
  const queue = new QueuePanel(session.page);
  await generate.prompt.fill('a lantern over budget');
  await queue.addDraft();

  await expect(queue.status).toContainText('Paused: This request could cost up to $0.04');
  await expect(queue.status).toContainText('daily budget of $0.01');
  await expect(queue.resumeButton).toBeVisible();
  await expect(queue.item('a lantern over budget')).toHaveCount(1);
  await expect(queue.inState('Waiting')).toHaveCount(1);
  expect(fake.stats.requests.filter((request) => request.method === 'POST')).toEqual([]);
});
