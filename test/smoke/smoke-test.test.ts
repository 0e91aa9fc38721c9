import { describe, expect, it } from 'vitest';
import { checkKeytarLoads } from '../../src-main/keychain/keytar-store';
import { silentLogger } from '../../src-main/logging/logger';
import { loadImageCodec } from '../../src-main/media/image-codec';
import { runSmokeTest } from '../../src-main/smoke/smoke-test';
import { nativeCodec } from '../support/codecs';

describe('smoke test', () => {
  it('passes when the catalog, the image pipeline, keytar and the first paint all work', async () => {
    const painted: string[] = [];
    const result = await runSmokeTest({
      codec: nativeCodec,
      loadKeychain: checkKeytarLoads,
      firstPaint: () => {
        painted.push('painted');
        return Promise.resolve();
      },
      log: silentLogger,
    });
    expect(result).toEqual({
      ok: true,
      line: 'smoke test passed: catalog and image pipeline (native codec), keychain module, renderer first paint',
    });
    expect(painted).toEqual(['painted']);
  });

  it('runs the image pipeline with the WebAssembly build, as Electron on Linux does', async () => {
    const result = await runSmokeTest({
      codec: loadImageCodec('wasm'),
      loadKeychain: () => Promise.resolve(),
      firstPaint: () => Promise.resolve(),
      log: silentLogger,
    });
    expect(result.line).toContain('(wasm codec)');
  });

  it('fails with one line naming the step and its reason', async () => {
    const result = await runSmokeTest({
      codec: nativeCodec,
      loadKeychain: () => Promise.resolve(),
      firstPaint: () => Promise.reject(new Error('the renderer did not paint within 30 s\n  at stack')),
      log: silentLogger,
    });
    expect(result).toEqual({
      ok: false,
      line: 'smoke test failed at renderer: the renderer did not paint within 30 s',
    });
  });
});
