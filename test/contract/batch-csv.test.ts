import { describe, expect, it } from 'vitest';
import { parseBatchCsv } from '../../src-preload/contract/batch-csv';

const model = 'doubao-seedream-4-5-251128';

describe('batch CSV', () => {
  it('reads quoted fields with commas, quotes and line breaks, and Chinese text', () => {
    const text = [
      'prompt,model,size,max_images,sequential',
      `"a lighthouse, at dusk",${model},2K,,`,
      `"she said ""hello""",${model},2560x1440,,`,
      `"城市夜景，霓虹灯",${model},,3,auto`,
      `"two
lines",${model},,,`,
    ].join('\r\n');
    const batch = parseBatchCsv(text);
    expect(batch.problems).toEqual([]);
    expect(batch.rows.map((row) => [row.line, row.request.prompt])).toEqual([
      [2, 'a lighthouse, at dusk'],
      [3, 'she said "hello"'],
      [4, '城市夜景，霓虹灯'],
      [5, 'two\nlines'],
    ]);
    expect(batch.rows[0]?.request.size).toBe('2K');
    expect(batch.rows[1]?.request.size).toEqual({ width: 2560, height: 1440 });
    expect(batch.rows[2]?.request).toMatchObject({ maxImages: 3, sequential: 'auto' });
  });

  it('accepts the app spelling of columns, a byte-order mark and defaults for missing fields', () => {
    const lite = 'doubao-seedream-5-0-260128';
    const batch = parseBatchCsv('\uFEFFPrompt,Output Format,Watermark\n猫,png,yes\n', { model: lite });
    expect(batch.problems).toEqual([]);
    expect(batch.rows[0]?.request).toMatchObject({
      prompt: '猫',
      model: lite,
      outputFormat: 'png',
      watermark: true,
    });
  });

  it('reports every bad row by its line and keeps the good ones', () => {
    const text = [
      'prompt,model,max_images',
      `fine,${model},1`,
      '',
      `too many,${model},99`,
      `unknown model,nope,1`,
      `,${model},1`,
      `extra,${model},1,surplus`,
      `"two
line prompt",${model},lots`,
      `"unterminated,${model},1`,
    ].join('\n');
    const batch = parseBatchCsv(text);
    expect(batch.rows.map((row) => row.line)).toEqual([2]);
    expect(batch.problems.map((problem) => problem.line)).toEqual([4, 5, 6, 7, 8, 10]);
    expect(batch.problems[0]?.message).toMatch(/^Line 4: maxImages: /);
    expect(batch.problems[1]?.message).toMatch(/^Line 5: .*nope/);
    expect(batch.problems[3]?.message).toBe('Line 7: 4 cells, but the header names 3 columns.');
    expect(batch.problems[5]?.message).toMatch(/^Line 10: Quoted field unterminated/);
  });

  it('names unknown columns and a missing prompt column', () => {
    const batch = parseBatchCsv('text,colour\nhello,red\n', { model });
    expect(batch.rows).toEqual([]);
    expect(batch.problems.map((problem) => problem.message)).toEqual([
      'Line 1: unknown column "text", "colour"; columns are request fields such as prompt, model, size, max_images.',
      'Line 1: the header has no "prompt" column.',
    ]);
  });

  it('says so when the file is empty', () => {
    expect(parseBatchCsv('\n\n').problems).toEqual([
      { line: 0, message: 'The file is empty: it needs a header row and one row per request.' },
    ]);
  });
});
