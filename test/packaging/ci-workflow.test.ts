import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
const workflow = parse(read('.github/workflows/desktop.yml')) as {
  jobs: { desktop: { strategy: { matrix: { include: { os: string }[] } }; steps: Step[] } };
};
const { steps } = workflow.jobs.desktop;
const runs = steps.map((step) => step.run ?? '').join('\n');

describe('the hosted CI workflow', () => {
  it('runs on macOS, Windows and Linux', () => {
    const systems = workflow.jobs.desktop.strategy.matrix.include.map((entry) => entry.os.split('-')[0]);
    expect(systems.sort()).toEqual(['macos', 'ubuntu', 'windows']);
  });

  it('tests with the Electron driver, packages, smoke-tests the packaged app and keeps the installers', () => {
    const test = steps.find((step) => step.run === 'npm test');
    expect(test?.env?.SEEDREAM_E2E_DRIVER).toBe('electron');
    expect(runs).toContain('npm ci');
    expect(runs).toMatch(/electron-builder --dir/);
    expect(runs).toMatch(/--smoke-test/);
    expect(steps.some((step) => step.uses?.startsWith('actions/upload-artifact'))).toBe(true);
  });

  it('uses the Node version that package.json, the README and .ci/run require', () => {
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    const major = /^>=(\d+)$/.exec(engines)?.[1];
    expect(major).toBe('24');
    const setupNode = steps.find((step) => step.uses?.startsWith('actions/setup-node'));
    expect(String(setupNode?.with?.['node-version'])).toBe(major);
    expect(read('README.md')).toContain(`Node.js ${major} or newer`);
    expect(read('.ci/run')).toContain(`>= ${major}`);
  });
});
