import { describe, expect, it } from 'vitest';
import {
  arrange,
  coverOf,
  imagesOf,
  isStack,
  type ImageStack,
} from '../../../../src-renderer/features/library/arrangement';
import { image } from '../../support/images';

describe('arrange', () => {
  it('passes the loaded list through untouched when not grouping', () => {
    const items = [image(3), image(2), image(1)];
    const arranged = arrange(items, 'none', new Set());
    expect(arranged.entries).toBe(items);
    expect(arranged.sections).toEqual([{ key: 'all', header: null, start: 0, count: 3 }]);
  });

  it('starts a headed section at every local day', () => {
    const at = (day: number, hour: number) => new Date(2025, 5, day, hour).getTime();
    const items = [
      image(5, { createdAt: at(3, 9) }),
      image(4, { createdAt: at(3, 0) }),
      image(3, { createdAt: at(2, 23) }),
      image(2, { createdAt: at(2, 1) }),
      image(1, { createdAt: at(1, 12) }),
    ];
    const { sections } = arrange(items, 'day', new Set());
    expect(sections.map((section) => [section.header, section.start, section.count])).toEqual([
      [{ kind: 'day', dayStart: new Date(2025, 5, 3).getTime() }, 0, 2],
      [{ kind: 'day', dayStart: new Date(2025, 5, 2).getTime() }, 2, 2],
      [{ kind: 'day', dayStart: new Date(2025, 5, 1).getTime() }, 4, 1],
    ]);
  });

  it('stacks a sequence in API order where its first image is listed', () => {
    const items = [
      image(10, { generationId: 7, position: 2 }),
      image(9, { generationId: 7, position: 0 }),
      image(8, { generationId: 6, position: 0 }),
      image(7, { generationId: 7, position: 1 }),
      image(6, { generationId: null }),
    ];
    const { entries, sections } = arrange(items, 'generation', new Set());
    expect(entries).toHaveLength(3);
    const [stack, single, imported] = entries;
    expect(stack && isStack(stack) ? stack.images.map((item) => item.id) : null).toEqual([9, 7, 10]);
    expect(single && !isStack(single) ? single.id : null).toBe(8);
    expect(imported && !isStack(imported) ? imported.id : null).toBe(6);
    expect(sections).toEqual([{ key: 'run-0', header: null, start: 0, count: 3 }]);
  });

  it('opens a stack into a headed section of its images between the runs around it', () => {
    const items = [
      image(5, { generationId: 3 }),
      image(4, { generationId: 2, position: 1, prompt: 'twins' }),
      image(3, { generationId: 2, position: 0, prompt: 'twins' }),
      image(2, { generationId: 1 }),
    ];
    const { entries, sections } = arrange(items, 'generation', new Set([2]));
    expect(entries.map((entry) => coverOf(entry).id)).toEqual([5, 3, 4, 2]);
    expect(sections).toEqual([
      { key: 'run-0', header: null, start: 0, count: 1 },
      {
        key: 'stack-2',
        header: { kind: 'stack', generationId: 2, prompt: 'twins', count: 2 },
        start: 1,
        count: 2,
      },
      { key: 'run-3', header: null, start: 3, count: 1 },
    ]);
  });
});

describe('entries', () => {
  it('lets a stack stand for all its images', () => {
    const stack: ImageStack = { kind: 'stack', generationId: 1, images: [image(1), image(2)] };
    expect(coverOf(stack).id).toBe(1);
    expect(imagesOf(stack).map((item) => item.id)).toEqual([1, 2]);
    expect(imagesOf(image(3)).map((item) => item.id)).toEqual([3]);
  });
});
