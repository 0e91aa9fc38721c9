import { findModel, type ModelInfo } from '../../src-preload/contract/models';

/** A catalogue entry a test names by ID; a typo fails the test instead of passing `undefined` along. */
export function model(id: string): ModelInfo {
  const found = findModel(id);
  if (!found) throw new Error(`missing model ${id}`);
  return found;
}
