import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const config = parse(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as {
  electronFuses?: Record<string, boolean>;
  npmRebuild?: boolean;
};

describe('packaged build fuses', () => {
  it('turns off the ways to run the app binary as plain Node or attach a debugger', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    });
  });

  it('encrypts cookies and only loads an integrity-checked app.asar', () => {
    expect(config.electronFuses).toMatchObject({
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('never rebuilds native modules in place, which would break the Node build used by tests', () => {
    expect(config.npmRebuild).toBe(false);
  });
});
