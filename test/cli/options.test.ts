import { describe, expect, it } from 'vitest';
import { choiceOption, integerOption, numberOption, parseOptions } from '../../src-main/cli/options';

describe('option values', () => {
  it('takes numbers in range and refuses the rest with the option named', () => {
    expect(integerOption('limit', '20', 1, 1000)).toBe(20);
    expect(integerOption('limit', undefined, 1, 1000)).toBeUndefined();
    expect(() => integerOption('limit', '2.5', 1, 1000)).toThrow(
      '--limit must be a whole number from 1 to 1000, not "2.5".',
    );
    expect(() => integerOption('limit', '0', 1, 1000)).toThrow(/from 1 to 1000/);
    expect(numberOption('guidance-scale', '2.5', 1, 10)).toBe(2.5);
    expect(() => numberOption('guidance-scale', 'high', 1, 10)).toThrow(
      '--guidance-scale must be a number from 1 to 10',
    );
    expect(() => numberOption('guidance-scale', '', 1, 10)).toThrow(/number/);
    expect(choiceOption('response-format', 'url', ['url', 'b64_json'])).toBe('url');
    expect(() => choiceOption('response-format', 'URL', ['url', 'b64_json'])).toThrow('one of url, b64_json');
  });

  it('refuses unknown options and missing values as usage errors', () => {
    const specs = {
      limit: { type: 'string', description: 'x' },
      json: { type: 'boolean', description: 'y' },
    } as const;
    expect(parseOptions(['--limit', '5', '--json'], specs, false).values).toEqual({ limit: '5', json: true });
    expect(() => parseOptions(['--nope'], specs, false)).toThrow(/Unknown option '--nope'/);
    expect(() => parseOptions(['--limit'], specs, false)).toThrow(/argument missing/);
    expect(() => parseOptions(['extra'], specs, false)).toThrow(/positional/);
  });
});
