import { describe, expect, it } from 'vitest';
import type { Price } from '../../src-preload/contract/models';
import {
  estimateCost,
  formatMoney,
  generationCost,
  parseMoneyInput,
} from '../../src-preload/contract/pricing';

const lite: Price = { currency: 'USD', perImageMicros: 35_000, perReferenceMicros: 0, freeReferences: 0 };
const pro: Price = { currency: 'USD', perImageMicros: 120_000, perReferenceMicros: 3_000, freeReferences: 1 };
const v55: Price = { currency: 'USD', perImageMicros: 35_000, perReferenceMicros: 8_000, freeReferences: 0 };

describe('cost', () => {
  it('charges the images billed at the price in force', () => {
    expect(generationCost(lite, 3, 0)).toEqual({ micros: 105_000, currency: 'USD' });
    expect(generationCost(lite, 0, 0).micros).toBe(0);
  });

  it('adds the references beyond the free ones', () => {
    expect(generationCost(pro, 1, 1).micros).toBe(120_000);
    expect(generationCost(pro, 1, 4).micros).toBe(129_000);
    expect(generationCost(v55, 1, 2).micros).toBe(51_000);
  });

  it('bills no references when no image was made', () => {
    expect(generationCost(v55, 0, 5).micros).toBe(0);
  });

  it('estimates every image a request may make', () => {
    expect(estimateCost({ ...lite, perImageMicros: 30_000 }, 4, 0)).toEqual({
      micros: 120_000,
      currency: 'USD',
    });
  });
});

describe('amounts for people', () => {
  it('shows cents, and the thousandth when it matters', () => {
    expect(formatMoney({ micros: 120_000, currency: 'USD' })).toBe('$0.12');
    expect(formatMoney({ micros: 18_000, currency: 'USD' })).toBe('$0.018');
    expect(formatMoney({ micros: 105_000, currency: 'USD' })).toBe('$0.105');
    expect(formatMoney({ micros: 250_000, currency: 'CNY' })).toBe('¥0.25');
    expect(formatMoney({ micros: 0, currency: 'USD' })).toBe('$0.00');
    expect(formatMoney({ micros: 1_234_567_890, currency: 'USD' })).toBe('$1,234.568');
  });

  it('rounds half up at the thousandth', () => {
    expect(formatMoney({ micros: 18_500, currency: 'USD' })).toBe('$0.019');
    expect(formatMoney({ micros: 18_499, currency: 'USD' })).toBe('$0.018');
  });

  it('reads typed amounts exactly', () => {
    expect(parseMoneyInput('5')).toBe(5_000_000);
    expect(parseMoneyInput(' $12.50 ')).toBe(12_500_000);
    expect(parseMoneyInput('0.1')).toBe(100_000);
    expect(parseMoneyInput('-1')).toBeNull();
    expect(parseMoneyInput('12,5')).toBeNull();
    expect(parseMoneyInput('')).toBeNull();
  });
});
