import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { rebuild } from '@electron/rebuild';
import { electronSqliteRelativePath } from '../src-main/library/electron-sqlite-binding';

/**
 * Builds better-sqlite3 for the installed Electron into .cache/electron-native, from a private copy of the
 * module, so the Node build in node_modules is never overwritten. Skips the work when the build for this
 * Electron version is already there.
 */
const root = resolve(import.meta.dirname, '..');
const target = join(root, electronSqliteRelativePath);
const cacheDir = join(root, '.cache', 'electron-native');
const versionFile = join(cacheDir, 'electron-version.txt');
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

if (existsSync(target) && existsSync(versionFile) && readFileSync(versionFile, 'utf8') === electronVersion) {
  console.log(`better-sqlite3 for Electron ${electronVersion} is already built.`);
} else {
  const stage = join(cacheDir, 'stage');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(join(stage, 'node_modules'), { recursive: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), join(stage, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    filter: (source) => !source.includes(join('better-sqlite3', 'build')),
  });
  writeFileSync(
    join(stage, 'package.json'),
    JSON.stringify({ name: 'electron-native-stage', private: true, dependencies: { 'better-sqlite3': '*' } }),
  );
  console.log(`Building better-sqlite3 for Electron ${electronVersion}…`);
  await rebuild({ buildPath: stage, electronVersion, onlyModules: ['better-sqlite3'], force: true });
  cpSync(join(stage, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), target);
  writeFileSync(versionFile, electronVersion);
  rmSync(stage, { recursive: true, force: true });
  console.log(`Wrote ${target}`);
}
