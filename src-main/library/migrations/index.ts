import { AppFailure, appError } from '../../../src-preload/contract/errors';
import type { WritableDb } from '../database';
import { catalog } from './0010-catalog';
import { tagsCollections } from './0020-tags-collections';
import { promptSearch } from './0030-prompt-search';
import { imageFilterColumns } from './0040-image-filter-columns';
import { promptSearchPairs } from './0050-prompt-search-pairs';
import { previewProblem } from './0060-preview-problem';
import { catalogTotals } from './0070-catalog-totals';
import { generationCost } from './0080-generation-cost';
import { generationEdits } from './0090-generation-edits';
import { queue } from './0100-queue';
import { savedPrompts } from './0101-saved-prompts';
import { referenceSets } from './0102-reference-sets';
import { sidebarCounts } from './0103-sidebar-counts';
import type { Migration } from './migration';

/** Every schema step, oldest first. Append only: a shipped step never changes. */
export const migrations: readonly Migration[] = [
  catalog,
  tagsCollections,
  promptSearch,
  imageFilterColumns,
  promptSearchPairs,
  previewProblem,
  catalogTotals,
  generationCost,
  generationEdits,
  queue,
  savedPrompts,
  referenceSets,
  sidebarCounts,
];

export const latestSchemaVersion = lastVersion(migrations);

function lastVersion(steps: readonly Migration[]): number {
  return steps.at(-1)?.version ?? 0;
}

export function schemaVersion(db: WritableDb): number {
  return Number(db.pragma('user_version', { simple: true }));
}

export interface MigrationResult {
  from: number;
  to: number;
}

function checkOrder(steps: readonly Migration[]): void {
  let previous = 0;
  for (const step of steps) {
    if (!Number.isInteger(step.version) || step.version <= previous) {
      throw new Error(`Migration ${step.name} has version ${step.version}, not above ${previous}.`);
    }
    previous = step.version;
  }
}

/**
 * Brings the catalog to `target` (the latest by default): all pending steps and the new `user_version` in one
 * transaction, so a crash or a failing step leaves the database exactly as it was. A catalog written by a newer
 * version of the app is refused rather than opened, since this version cannot know what its data means.
 */
export function migrate(
  db: WritableDb,
  target: number = latestSchemaVersion,
  steps: readonly Migration[] = migrations,
): MigrationResult {
  checkOrder(steps);
  const from = schemaVersion(db);
  const newest = lastVersion(steps);
  if (from > newest) {
    throw new AppFailure(
      appError(
        'library-too-new',
        'This library was last used by a newer version of Seedream Studio. Update the app to open it.',
      ),
    );
  }
  const pending = steps.filter((step) => step.version > from && step.version <= target);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const step of pending) {
      step.up(db);
      // PRAGMA takes no bound parameters; the version is an integer checked above, never user input.
      db.pragma(`user_version = ${step.version}`);
    }
  }).immediate();
  return { from, to: schemaVersion(db) };
}
