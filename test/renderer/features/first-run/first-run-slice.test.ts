import { describe, expect, it } from 'vitest';
import type { KeyStatus } from '../../../../src-preload/contract/ipc';
import {
  firstRunSkippedKey,
  needsFirstRun,
} from '../../../../src-renderer/features/first-run/first-run-slice';
import { testApp } from '../../support/app-store';
import { image } from '../../support/images';
import { memoryStorage } from '../../support/memory-storage';

const none: KeyStatus = {
  source: 'none',
  last4: null,
  gateway: 'https://api.cometapi.com',
  keychainAvailable: true,
  keychainProblem: null,
};

describe('the first-run slice', () => {
  it('stands in for an empty Generate while the gateway has no key', () => {
    const app = testApp();
    expect(needsFirstRun(app.store.getState())).toBe(false);
    app.store.setState({ keyStatus: none });
    expect(needsFirstRun(app.store.getState())).toBe(true);
    app.store.setState({ keyStatus: { ...none, source: 'keychain', last4: 'abcd' } });
    expect(needsFirstRun(app.store.getState())).toBe(false);
  });

  it('gives way to a workspace that holds something the user sent there', () => {
    const app = testApp();
    app.store.setState({ keyStatus: none });
    app.store.getState().addReferences([image(3)]);
    expect(needsFirstRun(app.store.getState())).toBe(false);
    app.store.getState().resumeFirstRun();
    expect(needsFirstRun(app.store.getState())).toBe(true);
  });

  it('remembers "Not now" on this machine, and forgets it when the user asks for the screen again', () => {
    const storage = memoryStorage();
    const first = testApp({}, { storage });
    first.store.setState({ keyStatus: none });
    first.store.getState().skipFirstRun();
    expect(needsFirstRun(first.store.getState())).toBe(false);

    const next = testApp({}, { storage });
    next.store.setState({ keyStatus: none });
    expect(next.store.getState().firstRunSkipped).toBe(true);
    next.store.getState().resumeFirstRun();
    expect(storage.getItem(firstRunSkippedKey)).toBeNull();
    expect(next.store.getState()).toMatchObject({ view: 'generate', firstRunSkipped: false });
  });
});
