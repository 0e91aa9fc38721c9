import { describe, expect, it } from 'vitest';
import type { ImportedFile } from '../../../../src-preload/contract/ipc';
import type { IncomingFile } from '../../../../src-preload/contract/library-types';
import { importBatch } from '../../../../src-renderer/features/library/transfer-slice';
import { testApp } from '../../support/app-store';
import { failed, ok } from '../../support/fake-api';
import { image } from '../../support/images';

const file = (name: string): IncomingFile => ({ name, bytes: new Uint8Array([1, 2, 3]) });

const notices = (app: ReturnType<typeof testApp>) => app.store.getState().toasts.map((toast) => toast.notice);

describe('the library transfer slice', () => {
  it('imports in batches the channel accepts and sums up new, duplicate and unreadable files', async () => {
    const app = testApp({
      'library:import': ({ files }) =>
        ok(
          files.map((incoming, index): ImportedFile => {
            if (incoming.name === 'broken.png') {
              return {
                name: incoming.name,
                image: null,
                duplicate: false,
                error: { code: 'invalid-image', message: 'Not an image.' },
              };
            }
            return { name: incoming.name, image: image(index + 1), duplicate: index % 2 === 1, error: null };
          }),
        ),
    });
    const files = [
      ...Array.from({ length: importBatch + 9 }, (_, index) => file(`${index}.png`)),
      file('broken.png'),
    ];
    await app.store.getState().importLibraryFiles({ files, refused: [] });
    expect(app.fake.callsTo('library:import').map((input) => input.files.length)).toEqual([importBatch, 10]);
    expect(notices(app)).toEqual([
      { key: 'toast.importedDuplicates', count: 255, duplicates: 254 },
      { key: 'toast.importFailed', count: 1, name: 'broken.png', message: 'Not an image.' },
    ]);
  });

  it('stops at a refused batch and says why', async () => {
    const app = testApp({ 'library:import': () => failed('The disk is full.', 'storage-failed') });
    await app.store.getState().importLibraryFiles({ files: [file('a.png')], refused: [] });
    expect(notices(app)).toEqual([{ key: 'toast.failed', message: 'The disk is full.' }]);
  });

  it('reports files refused before reading with the ones main refused', async () => {
    const app = testApp({ 'library:import': () => ok([]) });
    await app.store.getState().importLibraryFiles({
      files: [],
      refused: [{ name: 'huge.tif', message: 'huge.tif is 60.0 MB; files over 50.0 MB are not accepted.' }],
    });
    expect(app.fake.callsTo('library:import')).toEqual([]);
    expect(notices(app)).toEqual([
      {
        key: 'toast.importFailed',
        count: 1,
        name: 'huge.tif',
        message: 'huge.tif is 60.0 MB; files over 50.0 MB are not accepted.',
      },
    ]);
  });

  it('says where images were exported and how many were skipped, and nothing when the picker was closed', async () => {
    const app = testApp({
      'library:export': () =>
        ok({ folder: '/tmp/out', count: 2, skipped: [{ imageId: 3, reason: 'missing' }] }),
    });
    await app.store.getState().exportLibraryImages([1, 2, 3]);
    expect(notices(app)).toEqual([
      { key: 'toast.exportedSkipped', count: 2, folder: '/tmp/out', skipped: 1 },
    ]);

    const cancelled = testApp({ 'library:export': () => ok(null) });
    await cancelled.store.getState().exportLibraryImages([1]);
    await cancelled.store.getState().exportLibraryImages([]);
    expect(notices(cancelled)).toEqual([]);
    expect(cancelled.fake.callsTo('library:export')).toHaveLength(1);
  });

  it('counts what a full check found', async () => {
    const app = testApp({
      'library:check': () =>
        ok({
          checkedAt: 0,
          full: true,
          images: 9,
          files: 9,
          missingFiles: 1,
          orphanFiles: 2,
          wrongHashes: 0,
          missingThumbnails: 0,
          lostDownloads: 0,
          repaired: 0,
          catalog: 'ok',
          details: [],
        }),
    });
    await app.store.getState().checkLibrary();
    expect(app.fake.callsTo('library:check')).toEqual([{ full: true }]);
    expect(notices(app)).toEqual([{ key: 'toast.checked', count: 3 }]);
  });
});
