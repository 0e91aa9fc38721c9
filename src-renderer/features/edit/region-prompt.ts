import type { Region } from '../../../src-preload/contract/edit';
import { regionPlaceholder } from '../../../src-preload/contract/edit-regions';

/** The next region id: one above the highest in use, so ids never repeat within a document. */
export function nextRegionId(regions: readonly Region[]): number {
  return regions.reduce((highest, region) => Math.max(highest, region.id), 0) + 1;
}

/**
 * The prompt with a region's placeholder inserted where the cursor was, with a space either side when the
 * text there is not already a space, and where the cursor goes after it.
 */
export function insertPlaceholder(
  prompt: string,
  cursor: number,
  region: Pick<Region, 'kind' | 'id'>,
): { prompt: string; cursor: number } {
  const at = Math.min(Math.max(cursor, 0), prompt.length);
  const before = prompt.slice(0, at);
  const after = prompt.slice(at);
  const lead = before === '' || /\s$/.test(before) ? '' : ' ';
  const trail = after === '' || /^\s/.test(after) ? '' : ' ';
  const inserted = `${lead}${regionPlaceholder(region)}${trail}`;
  return { prompt: `${before}${inserted}${after}`, cursor: at + inserted.length - trail.length };
}

/** The prompt without a region's placeholder (and the space it leaves doubled). */
export function removePlaceholder(prompt: string, region: Pick<Region, 'kind' | 'id'>): string {
  return prompt.split(regionPlaceholder(region)).join('').replace(/ {2,}/g, ' ').trim();
}
