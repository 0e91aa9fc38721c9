import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppCore, type AppCore } from '../../src-main/app/app-core';
import { openAppLibrary } from '../../src-main/app/app-library';
import { MemorySecretStore } from '../../src-main/keychain/secret-store';
import { silentLogger } from '../../src-main/logging/logger';
import { nativeCodec } from '../support/codecs';
import { directRoute } from '../support/http-client';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Electron's nativeImage decodes PNG and JPEG only; anything else gives an empty image, without an error. */
function fakeImage(bytes: Buffer) {
  const decodable =
    bytes.subarray(0, 8).equals(pngSignature) || bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]));
  return { isEmpty: () => !decodable, toPNG: () => (decodable ? bytes : Buffer.alloc(0)), bytes };
}

const drags: { file: string; files?: string[]; icon: ReturnType<typeof fakeImage> }[] = [];
const clipboardWrites: Record<string, Blob>[][] = [];

vi.mock('electron', () => ({
  nativeImage: {
    createFromPath: (path: string) => fakeImage(readFileSync(path)),
    createFromBuffer: (bytes: Buffer) => fakeImage(bytes),
  },
  clipboard: {
    write: (items: { items: Record<string, Blob> }[]) => {
      clipboardWrites.push(items.map((item) => item.items));
      return Promise.resolve();
    },
  },
  ClipboardItem: class {
    constructor(readonly items: Record<string, Blob>) {}
  },
  shell: {},
  dialog: {},
  Notification: { isSupported: () => false },
}));

const { createElectronDesktop } = await import('../../src-main/shell/electron-desktop');

const fakeWindow = {
  webContents: {
    startDrag: (item: { file: string; files?: string[]; icon: ReturnType<typeof fakeImage> }) =>
      drags.push(item),
  },
};

let core: AppCore | null = null;
let userDataDir = '';

afterEach(async () => {
  await core?.close();
  rmSync(userDataDir, { recursive: true, force: true });
});

async function coreWithWebpImage(): Promise<{ core: AppCore; id: number }> {
  userDataDir = mkdtempSync(join(tmpdir(), 'desktop-'));
  core = createAppCore({
    userDataDir,
    env: {},
    secretStore: new MemorySecretStore(),
    library: await openAppLibrary({ userDataDir, codec: nativeCodec }),
    mediaUrl: (relativePath) => `media:///${relativePath}`,
    desktop: createElectronDesktop(() => fakeWindow as never),
    codec: nativeCodec,
    emit: () => undefined,
    log: silentLogger,
    systemLocale: 'en-US',
    network: { systemProxy: directRoute, certificates: () => [] },
  });
  const webp = await nativeCodec
    .sharp({ create: { width: 320, height: 200, channels: 3, background: '#4080c0' } })
    .webp()
    .toBuffer();
  const [outcome] = await core.handlers['library:import']({ files: [{ name: 'a.webp', bytes: webp }] });
  if (!outcome?.image) throw new Error('not imported');
  return { core, id: outcome.image.id };
}

describe('desktop effects through Electron', () => {
  it('drags the stored file out with a non-empty PNG icon', async () => {
    const { core, id } = await coreWithWebpImage();
    await core.handlers['desktop:startDrag']({ ids: [id] });
    const [drag] = drags;
    if (!drag) throw new Error('startDrag was not called');
    expect(existsSync(drag.file)).toBe(true);
    expect(drag.files).toEqual([drag.file]);
    expect(drag.file.endsWith('.webp')).toBe(true);
    expect(drag.icon.isEmpty()).toBe(false);
    expect(drag.icon.bytes.subarray(0, 8).equals(pngSignature)).toBe(true);
    const icon = await nativeCodec.sharp(drag.icon.bytes).metadata();
    expect([icon.width, icon.height]).toEqual([128, 80]);
  });

  it("drags every selected file at once, under the first one's icon", async () => {
    const { core, id } = await coreWithWebpImage();
    const png = await nativeCodec
      .sharp({ create: { width: 64, height: 64, channels: 3, background: '#c04080' } })
      .png()
      .toBuffer();
    const [second] = await core.handlers['library:import']({ files: [{ name: 'b.png', bytes: png }] });
    if (!second?.image) throw new Error('not imported');
    drags.length = 0;
    await core.handlers['desktop:startDrag']({ ids: [id, second.image.id] });
    const [drag] = drags;
    expect(drag?.files?.map((file) => file.slice(-4))).toEqual(['webp', '.png']);
    expect(drag?.files?.every((file) => existsSync(file))).toBe(true);
  });

  it('copies a WebP original to the clipboard as PNG', async () => {
    const { core, id } = await coreWithWebpImage();
    await core.handlers['desktop:copyImage']({ id });
    const blob = clipboardWrites.at(-1)?.[0]?.['image/png'];
    if (!blob) throw new Error('nothing was copied');
    const png = Buffer.from(await blob.arrayBuffer());
    expect(png.subarray(0, 8).equals(pngSignature)).toBe(true);
    const copied = await nativeCodec.sharp(png).metadata();
    expect([copied.width, copied.height]).toEqual([320, 200]);
  });
});
