import { spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { useFakeCometApi } from '../support/fake-cometapi-server';
import { tempDir, tempLibrary } from '../library/fixtures';

const root = path.resolve(import.meta.dirname, '../..');
const child = path.join(import.meta.dirname, 'budget-race-child.ts');

const api = useFakeCometApi();

interface ChildOutcome {
  outcome: 'sent' | 'refused';
  phase?: string;
  code?: string;
  message?: string;
}

/** A second process on the same library; `ready` once it waits to send, `go` lets it on. */
function racer(dir: string, budgetMicros: number) {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', child, dir, api.fake.baseUrl, api.fake.apiKey, String(budgetMicros)],
    { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let output = '';
  let errors = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  proc.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes('ready\n')) markReady();
  });
  proc.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const outcome = new Promise<ChildOutcome>((resolve, reject) => {
    proc.on('error', reject);
    proc.on('exit', (code) => {
      const last = output.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as ChildOutcome);
      else reject(new Error(`the child failed (${String(code)}): ${errors}`));
    });
  });
  return { ready, go: () => proc.stdin.end('go\n'), outcome };
}

describe('budgets across processes', () => {
  it(
    'lets exactly one of two processes through a budget that fits one request, and refuses the other before sending',
    { timeout: 60_000 },
    async () => {
      const dir = await tempDir();
      // The catalog exists at the current schema before the racers open it; this connection then holds the
      // write lock while both are let on, so both reach the check before either can record.
      const library = await tempLibrary({ dir });
      const oneImage = 40_000;
      const racers = [racer(dir, oneImage), racer(dir, oneImage)];
      await Promise.all(racers.map((entry) => entry.ready));
      const writer = library.catalog.writer;
      writer.exec('BEGIN IMMEDIATE');
      for (const entry of racers) entry.go();
      // Both now run straight to the catalog, where the lock holds them; nothing there awaits anything else.
      await sleep(1_500);
      writer.exec('ROLLBACK');

      const outcomes = await Promise.all(racers.map((entry) => entry.outcome));
      expect(outcomes.map((entry) => entry.outcome).sort()).toEqual(['refused', 'sent']);
      expect(outcomes.find((entry) => entry.outcome === 'sent')?.phase).toBe('done');
      const refused = outcomes.find((entry) => entry.outcome === 'refused');
      expect(refused?.code).toBe('budget-exceeded');
      expect(refused?.message).toBe(
        'This request could cost up to $0.04, and $0.04 of your daily budget of $0.04 is already spent today. Nothing was sent. Ask for fewer images, or change the Daily budget in Settings.',
      );
      expect(api.fake.stats.requests.filter((entry) => entry.method === 'POST')).toHaveLength(1);
      expect(library.ledger.entries(0)).toHaveLength(1);
    },
  );
});
