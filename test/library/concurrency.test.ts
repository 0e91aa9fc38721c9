import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src-main/library/library';
import { useFakeCometApi } from '../support/fake-cometapi-server';
import { addGeneration, tempDir, tempLibrary } from './fixtures';
import { nativeCodec } from '../support/codecs';

const child = path.join(import.meta.dirname, '..', 'jobs', 'crash-child.ts');

const api = useFakeCometApi();

describe('a reader and a writer at once', () => {
  it('reads the last committed state while a write transaction is open, without waiting for it', async () => {
    const library = await tempLibrary();
    await addGeneration(library, { prompt: 'committed', images: 2 });
    const writer = library.catalog.writer;
    writer.exec('BEGIN IMMEDIATE');
    writer
      .prepare(
        `INSERT INTO generations (kind, prompt, model, params, requested_images, status, created_at)
         VALUES ('api', 'uncommitted', 'm', '{}', 1, 'failed', 1)`,
      )
      .run();
    writer.prepare('UPDATE images SET favorite = 1').run();
    expect(library.summary.stats().generations).toBe(1);
    expect(library.images.list({ filter: { favorite: true } }).items).toEqual([]);
    writer.exec('COMMIT');
    expect(library.images.list({ filter: { favorite: true } }).items).toHaveLength(2);
    expect(library.summary.stats().generations).toBe(2);
  });

  it(
    'pages and searches consistently while another process keeps ingesting',
    { timeout: 60_000 },
    async () => {
      const dir = await tempDir();
      const library = await openLibrary({ dir, codec: nativeCodec });
      const proc = spawn(
        process.execPath,
        ['--import', 'tsx', child, dir, api.fake.baseUrl, api.fake.apiKey],
        {
          cwd: path.resolve(import.meta.dirname, '../..'),
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      const exited = new Promise((resolve) => proc.on('exit', resolve));
      try {
        let rounds = 0;
        proc.stdout.on('data', (chunk: Buffer) => {
          rounds += (chunk.toString().match(/^round/gm) ?? []).length;
        });
        const counts: number[] = [];
        let reads = 0;
        while (rounds < 12) {
          const seen: number[] = [];
          let cursor: string | null = null;
          for (let page = 0; page < 3; page += 1) {
            const result = library.images.list({ limit: 7, cursor });
            seen.push(...result.items.map((image) => image.id));
            if (result.nextCursor === null) break;
            cursor = result.nextCursor;
          }
          expect([...seen].sort((a, b) => b - a)).toEqual(seen);
          expect(new Set(seen).size).toBe(seen.length);
          for (const image of library.images.list({ query: '崩溃测试', limit: 5 }).items) {
            expect(image.prompt).toContain('崩溃测试');
          }
          counts.push(library.summary.stats().generations);
          reads += 1;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        expect(reads).toBeGreaterThan(10);
        expect(counts.at(-1)).toBeGreaterThan(counts[0] ?? 0);
        expect([...counts].sort((a, b) => a - b)).toEqual(counts);
      } finally {
        proc.kill('SIGKILL');
        await exited;
        library.close();
      }
    },
  );
});
