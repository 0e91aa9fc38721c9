import { describe, expect, it } from 'vitest';
import { recoverInterrupted } from '../../src-main/jobs/recover-interrupted';
import { startLibrary } from '../../src-main/jobs/start-library';
import { useFakeCometApi } from '../support/fake-cometapi-server';
import { useHttpClient } from '../support/http-client';
import { sha256File } from '../support/sha256-file';
import { slotRows, tempLibrary } from '../library/fixtures';

const api = useFakeCometApi();
const client = useHttpClient();

describe('recovery after a stop', () => {
  async function issuedLinks(count: number): Promise<string[]> {
    const response = await fetch(`${api.fake.baseUrl}/v1/images/generations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.fake.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'doubao-seedream-4-5-251128',
        prompt: 'left behind',
        sequential_image_generation: 'auto',
        sequential_image_generation_options: { max_images: count },
      }),
    });
    const answer = (await response.json()) as { data: { url: string }[] };
    return answer.data.map((item) => item.url);
  }

  it('downloads unexpired links, marks expired and refused ones lost, and finishes the generation', async () => {
    let clock = Date.now();
    const library = await tempLibrary({ now: () => clock });
    const deadPid = 2_000_000_000;
    const generationId = library.generations.create({
      kind: 'api',
      prompt: 'left behind',
      model: 'doubao-seedream-4-5-251128',
      params: {},
      requestedImages: 4,
      referenceIds: [],
      ownerPid: deadPid,
    });
    const urls = await issuedLinks(4);
    const [fresh, alsoFresh, old, mangled] = urls;
    if (!fresh || !alsoFresh || !old || !mangled) throw new Error('fixture');
    library.generations.recordResultUrl(generationId, 0, fresh, clock + 3_600_000);
    library.generations.recordResultUrl(generationId, 1, alsoFresh, clock + 3_600_000);
    library.generations.recordResultUrl(generationId, 2, old, clock - 1);
    library.generations.recordResultUrl(generationId, 3, mangled.replace('%2F', '/'), clock + 3_600_000);

    const liveOwner = library.generations.create({
      kind: 'api',
      prompt: 'still running elsewhere',
      model: 'm',
      params: {},
      requestedImages: 1,
      referenceIds: [],
      ownerPid: process.pid + 1,
    });

    clock += 1_000;
    const report = await recoverInterrupted({
      library,
      http: client.http,
      pid: process.pid,
      isAlive: (pid) => pid === process.pid + 1,
    });
    expect(report).toEqual({ generations: 1, saved: 2, lost: 2, failed: 0 });
    expect(slotRows(library, generationId)).toMatchObject([
      { position: 0, state: 'saved' },
      { position: 1, state: 'saved' },
      { position: 2, state: 'lost', code: 'link-expired' },
      { position: 3, state: 'lost', code: 'link-expired' },
    ]);
    const generation = library.details.generation(generationId);
    expect(generation).toMatchObject({ status: 'partial', error: { code: 'interrupted' } });
    expect(generation?.slots[2]?.error?.message).toMatch(/expired/);
    expect(library.details.generation(liveOwner)?.status).toBe('running');
    for (const image of library.images.list({}).items) {
      expect(await sha256File(library.filePath(image))).toBe(image.sha256);
    }
  });

  it('finishes a generation that stopped before any answer as interrupted', async () => {
    const library = await tempLibrary();
    const generationId = library.generations.create({
      kind: 'api',
      prompt: 'never answered',
      model: 'm',
      params: {},
      requestedImages: 1,
      referenceIds: [],
      ownerPid: null,
    });
    const { recovery } = await startLibrary(library, { http: client.http });
    expect(recovery).toEqual({ generations: 1, saved: 0, lost: 0, failed: 0 });
    expect(library.details.generation(generationId)).toMatchObject({
      status: 'interrupted',
      error: { code: 'interrupted' },
    });
  });
});
