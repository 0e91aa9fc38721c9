import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  combinationCount,
  expandTemplate,
  parseTemplate,
  templateVariables,
} from '../../src-preload/contract/prompt-template';

function prompts(template: string, values: Record<string, string> = {}, cap?: number): string[] {
  const result = expandTemplate(template, values, cap);
  if (!result.ok) throw new Error(result.problem.message);
  return result.value.prompts;
}

function problemOf(template: string, values: Record<string, string> = {}, cap?: number) {
  const result = expandTemplate(template, values, cap);
  if (result.ok) throw new Error(`expected a problem, got ${result.value.prompts.join(' / ')}`);
  return result.problem;
}

describe('prompt templates', () => {
  it('leaves a plain prompt as it is', () => {
    expect(prompts('a paper boat on a puddle')).toEqual(['a paper boat on a puddle']);
  });

  it('fills variables, in English and Chinese, each name once in order', () => {
    const template = '{subject} in {season}, {主体} under {subject}';
    const parsed = parseTemplate(template);
    expect(parsed.ok && templateVariables(parsed.value)).toEqual(['subject', 'season', '主体']);
    expect(prompts(template, { subject: 'a fox', season: 'winter', 主体: '灯塔' })).toEqual([
      'a fox in winter, 灯塔 under a fox',
    ]);
  });

  it('asks for every variable left empty, by name', () => {
    const problem = problemOf('{subject} in {season}', { subject: 'a fox', season: '  ' });
    expect(problem.code).toBe('missing-values');
    expect(problem.message).toBe('Fill in {season} first.');
  });

  it('takes a value as written, never as template', () => {
    expect(prompts('{subject}', { subject: '{a|b} \\' })).toEqual(['{a|b} \\']);
  });

  it('expands alternatives into every combination, the first choice varying slowest', () => {
    expect(prompts('{spring|summer} {dawn|dusk}')).toEqual([
      'spring dawn',
      'spring dusk',
      'summer dawn',
      'summer dusk',
    ]);
  });

  it('expands nested groups and keeps empty alternatives', () => {
    expect(prompts('a {{red|blue} car|boat}{| at night}')).toEqual([
      'a red car',
      'a red car at night',
      'a blue car',
      'a blue car at night',
      'a boat',
      'a boat at night',
    ]);
    const parsed = parseTemplate('a {{red|blue} car|boat}{| at night}');
    expect(parsed.ok && combinationCount(parsed.value)).toBe(6);
  });

  it('puts variables inside alternatives', () => {
    expect(prompts('{{subject} by day|{subject} by night}', { subject: '城市' })).toEqual([
      '城市 by day',
      '城市 by night',
    ]);
  });

  it('makes braces, bars and backslashes plain with a backslash', () => {
    expect(prompts('\\{not a variable\\} a\\|b \\\\ {x\\|y|z} C:\\path')).toEqual([
      '{not a variable} a|b \\ x|y C:\\path',
      '{not a variable} a|b \\ z C:\\path',
    ]);
  });

  it('reports an unclosed brace, a stray one, empty braces and a trailing backslash by position', () => {
    expect(problemOf('a {b|c')).toMatchObject({ code: 'unclosed-brace', index: 2 });
    expect(problemOf('a {b} c}', { b: 'x' })).toMatchObject({ code: 'stray-brace', index: 7 });
    expect(problemOf('a { } c')).toMatchObject({ code: 'empty-braces', index: 2 });
    expect(problemOf('a \\')).toMatchObject({ code: 'trailing-backslash', index: 2 });
    expect(problemOf('a {b|c').message).toBe('The "{" at character 3 is never closed.');
  });

  it('refuses more combinations than the cap before building any, and counts past it', () => {
    const template = '{a|b|c|d|e|f|g|h|i|j}'.repeat(3);
    const problem = problemOf(template, {}, 999);
    expect(problem).toMatchObject({ code: 'too-many', params: { count: '1000', cap: 999 } });
    expect(prompts(template, {}, 1000)).toHaveLength(1000);
    const huge = problemOf('{a|b}'.repeat(2000));
    expect(huge.params.count).toBe('too many');
  });

  it('expands into exactly as many prompts as it counts (fast-check)', () => {
    const option = fc.stringMatching(/^[a-z ]{0,4}$/);
    const group = fc.array(option, { minLength: 2, maxLength: 3 }).map((options) => `{${options.join('|')}}`);
    const template = fc
      .array(fc.oneof(option, group), { maxLength: 5 })
      .map((pieces) => pieces.join(''))
      .filter((text) => !/\{\s*\}/.test(text));
    fc.assert(
      fc.property(template, (text) => {
        const parsed = parseTemplate(text);
        if (!parsed.ok) return false;
        const expansion = expandTemplate(text, {}, Number.MAX_SAFE_INTEGER);
        return expansion.ok && expansion.value.prompts.length === combinationCount(parsed.value);
      }),
    );
  });

  it('gives back any text once its special characters are escaped (fast-check)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = text.replace(/[{}|\\]/g, '\\$&');
        const result = expandTemplate(escaped);
        return result.ok && result.value.prompts.length === 1 && result.value.prompts[0] === text;
      }),
    );
  });
});
