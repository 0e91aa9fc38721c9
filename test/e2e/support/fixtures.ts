import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh user-data folder per app launch, removed afterwards. */
export function temporaryUserData(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'seedream-e2e-'));
  return {
    dir,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
