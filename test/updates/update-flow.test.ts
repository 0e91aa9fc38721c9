import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src-main/logging/logger';
import { createUpdateFlow, type UpdatePrompts, type UpdateSource } from '../../src-main/updates/update-flow';
import { updateFeedFile } from '../../src-main/updates/electron-updates';

vi.mock('electron', () => ({ dialog: {} }));

function fakeSource(available: string | null): UpdateSource & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    check: () => {
      calls.push('check');
      return Promise.resolve(available === null ? null : { version: available });
    },
    download: () => {
      calls.push('download');
      return Promise.resolve();
    },
    install: () => {
      calls.push('install');
    },
  };
}

function prompts(answers: { download: boolean; restart: boolean }): UpdatePrompts & { told: unknown[] } {
  const told: unknown[] = [];
  return {
    told,
    offerDownload: () => Promise.resolve(answers.download),
    offerRestart: () => Promise.resolve(answers.restart),
    tell: (outcome) => told.push(outcome),
  };
}

describe('updates', () => {
  it('download nothing unless the user says so', async () => {
    const source = fakeSource('0.2.0');
    await createUpdateFlow(source, prompts({ download: false, restart: true }), silentLogger).check(false);
    expect(source.calls).toEqual(['check']);
  });

  it('install only after a second yes', async () => {
    const declined = fakeSource('0.2.0');
    await createUpdateFlow(declined, prompts({ download: true, restart: false }), silentLogger).check(false);
    expect(declined.calls).toEqual(['check', 'download']);
    const accepted = fakeSource('0.2.0');
    await createUpdateFlow(accepted, prompts({ download: true, restart: true }), silentLogger).check(false);
    expect(accepted.calls).toEqual(['check', 'download', 'install']);
  });

  it('tell the user the outcome of a check they asked for, and stay quiet in the background', async () => {
    const quiet = prompts({ download: false, restart: false });
    await createUpdateFlow(fakeSource(null), quiet, silentLogger).check(false);
    expect(quiet.told).toEqual([]);
    const asked = prompts({ download: false, restart: false });
    await createUpdateFlow(fakeSource(null), asked, silentLogger).check(true);
    const failing = { ...fakeSource(null), check: () => Promise.reject(new Error('feed unreachable')) };
    await createUpdateFlow(failing, asked, silentLogger).check(true);
    expect(asked.told).toEqual([{ kind: 'latest' }, { kind: 'failed', reason: 'feed unreachable' }]);
  });

  it('are off when no release feed is configured, and in development', () => {
    expect(updateFeedFile({ isPackaged: true, resourcesPath: '/nonexistent/resources' })).toBeNull();
    expect(updateFeedFile({ isPackaged: false, resourcesPath: import.meta.dirname })).toBeNull();
  });
});
