import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generationRequestSchema, type GenerationRequestInput } from '../../src-preload/contract/generation';
import { AppFailure } from '../../src-preload/contract/errors';
import { createGenerationJobs, type JobSnapshot } from '../../src-main/jobs/generation-jobs';
import type { Library } from '../../src-main/library/library';
import { silentLogger } from '../../src-main/logging/logger';
import { useFakeCometApi } from '../support/fake-cometapi-server';
import { useHttpClient } from '../support/http-client';
import { sha256File } from '../support/sha256-file';
import { addGeneration, slotRows, tempLibrary } from '../library/fixtures';

const api = useFakeCometApi();
const client = useHttpClient();

function request(input: Partial<GenerationRequestInput> = {}) {
  return generationRequestSchema.parse({
    model: 'doubao-seedream-4-5-251128',
    prompt: 'a lighthouse',
    ...input,
  });
}

function jobsOf(library: Library) {
  return createGenerationJobs(library, {
    http: client.http,
    connection: () => Promise.resolve({ baseUrl: api.fake.baseUrl, apiKey: api.fake.apiKey }),
    log: silentLogger,
  });
}

describe('generation jobs', () => {
  it('records the generation first, then every link and image, and reports each step', async () => {
    const library = await tempLibrary();
    const jobs = jobsOf(library);
    const seen: JobSnapshot[] = [];
    jobs.subscribe((snapshot) => seen.push(snapshot));
    const first = await jobs.start(
      request({ sequential: 'auto', maxImages: 3, prompt: '三只猫 three cats' }),
      [],
    );
    expect(first).toMatchObject({ phase: 'sending', expected: 3, finishedAt: null });
    const recorded = library.details.generation(first.generationId);
    expect(recorded).toMatchObject({ status: 'running', prompt: '三只猫 three cats', requestedImages: 3 });
    expect(recorded?.params).toMatchObject({
      model: 'doubao-seedream-4-5-251128',
      sequential_image_generation: 'auto',
      sequential_image_generation_options: { max_images: 3 },
      watermark: false,
    });

    const done = await jobs.finished(first.jobId);
    expect(done.phase).toBe('done');
    expect(done.slots.map((slot) => slot.state)).toEqual(['saved', 'saved', 'saved']);
    expect(done.usage).toEqual({ generatedImages: 3, outputTokens: 49_152, totalTokens: 49_152 });
    expect(seen.map((snapshot) => snapshot.phase)).toEqual(
      expect.arrayContaining(['sending', 'generating', 'downloading', 'done']),
    );

    for (const slot of done.slots) {
      const image = slot.image;
      if (!image) throw new Error('slot without image');
      expect(await sha256File(library.filePath(image))).toBe(image.sha256);
      expect(api.fake.stats.generatedSha256).toContain(image.sha256);
    }
    expect(slotRows(library, first.generationId)).toEqual(
      api.fake.issuedUrls.map((url, position) => ({ position, state: 'saved', url, code: null })),
    );
    expect(library.details.generation(first.generationId)).toMatchObject({
      status: 'succeeded',
      usage: { generatedImages: 3 },
      error: null,
    });
    expect(library.images.list({ query: '猫' }).items).toHaveLength(3);
    expect(api.fake.stats.downloadAuthorization.every((header) => header === undefined)).toBe(true);
  });

  it('stores base64 answers and streamed answers the same way', async () => {
    const library = await tempLibrary();
    const jobs = jobsOf(library);
    const b64 = await jobs.finished(
      (await jobs.start(request({ responseFormat: 'b64_json', sequential: 'auto', maxImages: 2 }), [])).jobId,
    );
    const streamed = await jobs.finished(
      (await jobs.start(request({ stream: true, sequential: 'auto', maxImages: 2 }), [])).jobId,
    );
    for (const job of [b64, streamed]) {
      expect(job.phase).toBe('done');
      expect(job.slots.map((slot) => slot.state)).toEqual(['saved', 'saved']);
    }
    expect(library.summary.stats().images).toBe(4);
  });

  it('marks only the failed slot of a partial answer', async () => {
    const library = await tempLibrary();
    api.fake.setScenario({ failIndices: [1] });
    const jobs = jobsOf(library);
    const done = await jobs.finished(
      (await jobs.start(request({ sequential: 'auto', maxImages: 3 }), [])).jobId,
    );
    expect(done.phase).toBe('done');
    expect(done.slots.map((slot) => [slot.state, slot.error?.code ?? null])).toEqual([
      ['saved', null],
      ['failed', 'content-rejected'],
      ['saved', null],
    ]);
    const generation = library.details.generation(done.generationId);
    expect(generation?.status).toBe('partial');
    expect(generation?.slots.find((slot) => slot.position === 1)).toMatchObject({
      state: 'failed',
      error: { code: 'content-rejected' },
    });
  });

  it('keeps a failed generation with its error, sent once', async () => {
    const library = await tempLibrary();
    api.fake.setScenario({
      posts: [{ kind: 'status', status: 401, body: { error: { message: 'bad key' } } }],
    });
    const jobs = jobsOf(library);
    const done = await jobs.finished((await jobs.start(request(), [])).jobId);
    expect(done.phase).toBe('failed');
    expect(done.error?.code).toBe('key-rejected');
    expect(api.fake.stats.generationPosts).toBe(1);
    expect(library.details.generation(done.generationId)).toMatchObject({
      status: 'failed',
      error: { code: 'key-rejected' },
    });
    expect(library.summary.stats()).toMatchObject({ images: 0, generations: 1, failedGenerations: 1 });
  });

  it('records nothing for a request that cannot be sent', async () => {
    const library = await tempLibrary();
    const jobs = jobsOf(library);
    await expect(jobs.start(request({ prompt: '   ' }), [])).rejects.toBeInstanceOf(AppFailure);
    const noKey = createGenerationJobs(library, {
      http: client.http,
      connection: () => Promise.resolve({ baseUrl: api.fake.baseUrl, apiKey: '' }),
      log: silentLogger,
    });
    await expect(noKey.start(request(), [])).rejects.toMatchObject({ appError: { code: 'key-missing' } });
    const pastedWithLineBreak = createGenerationJobs(library, {
      http: client.http,
      connection: () => Promise.resolve({ baseUrl: api.fake.baseUrl, apiKey: 'sk-live-123456\n' }),
      log: silentLogger,
    });
    await expect(pastedWithLineBreak.start(request(), [])).rejects.toMatchObject({
      appError: { code: 'key-rejected' },
    });
    await expect(jobs.start(request(), [98765])).rejects.toMatchObject({ appError: { code: 'not-found' } });
    expect(library.summary.stats().generations).toBe(0);
    expect(api.fake.stats.generationPosts).toBe(0);
  });

  it('sends library images as references and records the lineage', async () => {
    const library = await tempLibrary();
    const source = await addGeneration(library, { prompt: 'source', images: 2 });
    const referenceIds = source.images.map((image) => image.id).reverse();
    const jobs = jobsOf(library);
    const done = await jobs.finished((await jobs.start(request({ prompt: 'remix' }), referenceIds)).jobId);
    expect(done.phase).toBe('done');
    const sent = api.fake.stats.bodies[0]?.image as string[];
    expect(sent).toHaveLength(2);
    expect(sent[0]?.startsWith('data:image/png;base64,')).toBe(true);
    const firstReference = source.images[1];
    if (!firstReference) throw new Error('fixture');
    expect(Buffer.from(sent[0]?.split(',')[1] ?? '', 'base64')).toEqual(
      await readFile(library.filePath(firstReference)),
    );
    const detail = library.details.detail(done.slots[0]?.image?.id ?? 0);
    expect(detail?.references.map((image) => image.id)).toEqual(referenceIds);
    expect(library.images.list({ filter: { hasReferences: true } }).items).toHaveLength(1);
  });

  it('cancels a running job and keeps the record', async () => {
    const library = await tempLibrary();
    api.fake.setScenario({ delayMs: 5_000 });
    const jobs = jobsOf(library);
    // Cancelled once the request is on the server, whenever that is.
    const sent = new Promise<void>((resolve) => {
      jobs.subscribe((snapshot) => {
        if (snapshot.phase === 'generating') resolve();
      });
    });
    const started = await jobs.start(request(), []);
    await sent;
    expect(jobs.cancel(started.jobId)).toBe(true);
    const done = await jobs.finished(started.jobId);
    expect(done.phase).toBe('cancelled');
    expect(library.details.generation(started.generationId)?.status).toBe('cancelled');
    expect(jobs.cancel(started.jobId)).toBe(false);
    expect(jobs.list().map((job) => job.jobId)).toEqual([started.jobId]);
  });
});
