import { describe, expect, it } from 'vitest';
import { resources } from '../../../src-renderer/i18n';

type Tree = { [key: string]: string | Tree };

/** Flattens nested keys and folds plural forms, since Chinese has only the "other" plural category. */
function keysOf(tree: Tree, prefix = ''): Set<string> {
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    if (typeof value === 'string') keys.add(path);
    else for (const nested of keysOf(value, `${path}.`)) keys.add(nested);
  }
  return keys;
}

describe('translations', () => {
  const english = resources.en as unknown as Record<string, Tree>;
  const chinese = resources['zh-CN'] as unknown as Record<string, Tree>;

  it('has the same namespaces in English and Simplified Chinese', () => {
    expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(Object.keys(english))('translates every "%s" string into Simplified Chinese', (namespace) => {
    const expected = keysOf(english[namespace] ?? {});
    const actual = keysOf(chinese[namespace] ?? {});
    expect([...expected].filter((key) => !actual.has(key))).toEqual([]);
    expect([...actual].filter((key) => !expected.has(key))).toEqual([]);
  });
});
