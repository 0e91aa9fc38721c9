import type { WritableDb } from '../database';

/** One step of the schema. `version` is what `user_version` reads once the step has run. */
export interface Migration {
  version: number;
  name: string;
  up(db: WritableDb): void;
}
