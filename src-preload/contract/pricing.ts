import type { Currency } from './gateway-profiles';
import type { Price } from './models';

/** An amount of money in millionths of its currency's unit: integers, so sums and comparisons are exact. */
export interface Money {
  micros: number;
  currency: Currency;
}

/** What references cost on top of the images: those beyond the free ones, at the per-reference price. */
function referenceMicros(price: Price, referenceCount: number): number {
  return Math.max(referenceCount - price.freeReferences, 0) * price.perReferenceMicros;
}

/**
 * What a finished generation cost: the images billed (the answer's `generated_images`, else the images that
 * arrived) at the price in force, plus the references it sent. Nothing billed, nothing charged: a request the
 * gateway refused made no images and is not billed for its references either.
 */
export function generationCost(price: Price, billedImages: number, referenceCount: number): Money {
  const images = Math.max(Math.trunc(billedImages), 0);
  const micros = images === 0 ? 0 : images * price.perImageMicros + referenceMicros(price, referenceCount);
  return { micros, currency: price.currency };
}

/** The most a request can cost: every image it may produce. Used for the estimate and for budgets. */
export function estimateCost(price: Price, maxImages: number, referenceCount: number): Money {
  return generationCost(price, maxImages, referenceCount);
}

const symbols: Record<Currency, string> = { USD: '$', CNY: '¥' };

/**
 * An amount for people: rounded half up to a thousandth of the unit, with two decimals, or three when the
 * thousandth matters ($0.12, $0.018, ¥0.25). Cheap images cost fractions of a cent, so cents alone would
 * show a 1.8-cent image as 2 cents and ten of them as 20.
 */
export function formatMoney(money: Money): string {
  const thousandths = Math.floor((Math.abs(money.micros) + 500) / 1000);
  const whole = Math.floor(thousandths / 1000);
  const fraction = String(thousandths % 1000).padStart(3, '0');
  const decimals = fraction.endsWith('0') ? fraction.slice(0, 2) : fraction;
  const sign = money.micros < 0 && thousandths > 0 ? '-' : '';
  return `${sign}${symbols[money.currency]}${whole.toLocaleString('en-US')}.${decimals}`;
}

/** Parses an amount typed by a person ("5", "12.50", "$3"): millionths, or null when it is not an amount. */
export function parseMoneyInput(text: string): number | null {
  const match = /^\s*[$¥]?\s*(\d{1,9})(?:\.(\d{0,6}))?\s*$/.exec(text);
  if (!match?.[1]) return null;
  const fraction = (match[2] ?? '').padEnd(6, '0');
  return Number(match[1]) * 1_000_000 + Number(fraction);
}
