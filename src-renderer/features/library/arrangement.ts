import type { LibraryImage } from '../../../src-preload/contract/library-types';
import { localMidnightOf, nextLocalMidnight } from './days';

export const groupings = ['none', 'day', 'generation'] as const;
export type Grouping = (typeof groupings)[number];

/** The images of one generation shown as one cell, in the order the API returned them. */
export interface ImageStack {
  kind: 'stack';
  generationId: number;
  images: LibraryImage[];
}

/** One cell of the grid. Plain images stay the very objects of the page cache, so the flat view copies nothing. */
export type Entry = LibraryImage | ImageStack;

export type SectionHeader =
  { kind: 'day'; dayStart: number } | { kind: 'stack'; generationId: number; prompt: string; count: number };

/** A run of entries, `entries[start, start + count)`, under an optional heading. */
export interface Section {
  key: string;
  header: SectionHeader | null;
  start: number;
  count: number;
}

export interface Arrangement {
  entries: Entry[];
  sections: Section[];
}

export function isStack(entry: Entry): entry is ImageStack {
  return 'kind' in entry;
}

/** The image that stands for the entry: a stack shows its first image. */
export function coverOf(entry: Entry): LibraryImage {
  if (!isStack(entry)) return entry;
  const [first] = entry.images;
  if (!first) throw new Error('A stack always holds at least two images.');
  return first;
}

export function imagesOf(entry: Entry): LibraryImage[] {
  return isStack(entry) ? entry.images : [entry];
}

function byPosition(a: LibraryImage, b: LibraryImage): number {
  return a.position - b.position;
}

function arrangeByDay(items: LibraryImage[]): Arrangement {
  const sections: Section[] = [];
  let dayStart = Number.NaN;
  let dayEnd = Number.NaN;
  for (const [index, image] of items.entries()) {
    // Creating a Date per image is the slow part at 100 000 images; only a day boundary needs one.
    if (!(image.createdAt >= dayStart && image.createdAt < dayEnd)) {
      dayStart = localMidnightOf(image.createdAt);
      dayEnd = nextLocalMidnight(dayStart);
      sections.push({
        key: `day-${dayStart}-${index}`,
        header: { kind: 'day', dayStart },
        start: index,
        count: 0,
      });
    }
    const current = sections.at(-1);
    if (current) current.count += 1;
  }
  return { entries: items, sections };
}

/**
 * Images of one generation become one stack, placed where the generation's first listed image is. An open stack
 * becomes its own headed section of its images; runs of other entries form sections without a heading.
 */
function arrangeByGeneration(items: LibraryImage[], openStacks: ReadonlySet<number>): Arrangement {
  const units: (LibraryImage | LibraryImage[])[] = [];
  const groups = new Map<number, LibraryImage[]>();
  for (const image of items) {
    if (image.generationId === null) {
      units.push(image);
      continue;
    }
    const group = groups.get(image.generationId);
    if (group) {
      group.push(image);
    } else {
      const created = [image];
      groups.set(image.generationId, created);
      units.push(created);
    }
  }

  const entries: Entry[] = [];
  const sections: Section[] = [];
  let run: Section | null = null;
  for (const unit of units) {
    if (!Array.isArray(unit) || unit.length === 1) {
      const image = Array.isArray(unit) ? unit[0] : unit;
      if (!image) continue;
      if (!run) {
        run = { key: `run-${entries.length}`, header: null, start: entries.length, count: 0 };
        sections.push(run);
      }
      entries.push(image);
      run.count += 1;
      continue;
    }
    const ordered = [...unit].sort(byPosition);
    const first = ordered[0];
    if (!first || first.generationId === null) continue;
    const generationId = first.generationId;
    if (openStacks.has(generationId)) {
      run = null;
      sections.push({
        key: `stack-${generationId}`,
        header: { kind: 'stack', generationId, prompt: first.prompt, count: ordered.length },
        start: entries.length,
        count: ordered.length,
      });
      entries.push(...ordered);
      continue;
    }
    if (!run) {
      run = { key: `run-${entries.length}`, header: null, start: entries.length, count: 0 };
      sections.push(run);
    }
    entries.push({ kind: 'stack', generationId, images: ordered });
    run.count += 1;
  }
  return { entries, sections };
}

export function arrange(
  items: LibraryImage[],
  grouping: Grouping,
  openStacks: ReadonlySet<number>,
): Arrangement {
  if (grouping === 'day') return arrangeByDay(items);
  if (grouping === 'generation') return arrangeByGeneration(items, openStacks);
  return { entries: items, sections: [{ key: 'all', header: null, start: 0, count: items.length }] };
}
