import { describe, expect, it } from 'vitest';
import { waitForAppRoot } from '../../src-main/smoke/first-paint';

describe('first paint wait', () => {
  it('resolves once the app root has content', async () => {
    let polls = 0;
    await waitForAppRoot(
      { executeJavaScript: () => Promise.resolve(++polls >= 3 ? 1 : 0), isDestroyed: () => false },
      2_000,
      1,
    );
    expect(polls).toBe(3);
  });

  it('gives up with the reason when nothing renders in time', async () => {
    await expect(
      waitForAppRoot(
        {
          executeJavaScript: () => Promise.reject(new Error('Script failed to execute')),
          isDestroyed: () => false,
        },
        30,
        5,
      ),
    ).rejects.toThrow('the renderer did not paint within 0 s (Script failed to execute)');
  });
});
