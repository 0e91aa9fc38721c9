import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelCatalogue } from '../../src-preload/contract/models';

const root = join(import.meta.dirname, '../../src-renderer');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the renderer and the model catalogue', () => {
  it('decides what to show from catalogue fields, never from a model id, so a new model joins as data', () => {
    const files = sources(root);
    expect(files.length).toBeGreaterThan(20);
    const naming = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return modelCatalogue.filter((model) => text.includes(model.id)).map((model) => `${file}: ${model.id}`);
    });
    expect(naming).toEqual([]);
  });
});
