import type { PriceItemView } from '../../api/types.gen';
import type { Option } from '../../components/Field';
import { formatMoney } from '../../format';

// The price book's words, in one place: the page, the form and the work
// order's picker say the same thing.

export const UNIT_OPTIONS: Option[] = [
  { value: 'flat', label: 'Flat fee' },
  { value: 'each', label: 'Each' },
  { value: 'gallon', label: 'Per gallon' },
  { value: 'hour', label: 'Per hour' },
];

export const KIND_OPTIONS: Option[] = [
  { value: 'service', label: 'Service' },
  { value: 'product', label: 'Product' },
];

/** "gallons", "hours", "each"; a flat fee has no quantity word. */
export function unitWord(unit: string | null | undefined, quantity = 2): string {
  switch (unit) {
    case 'gallon':
      return quantity === 1 ? 'gallon' : 'gallons';
    case 'hour':
      return quantity === 1 ? 'hour' : 'hours';
    case 'each':
      return 'each';
    default:
      return '';
  }
}

/** "$0.12 per gallon", "$395.00 flat"; technicians see no price. */
export function priceText(item: PriceItemView): string {
  if (item.unit_price_cents === undefined) return unitWord(item.unit) || 'flat fee';
  const money = formatMoney(item.unit_price_cents);
  switch (item.unit) {
    case 'gallon':
      return `${money} per gallon`;
    case 'hour':
      return `${money} per hour`;
    case 'each':
      return `${money} each`;
    default:
      return `${money} flat`;
  }
}

/** Dollars typed by a person -> cents, or undefined when empty or not a number. */
export function dollarsToCents(dollars: string): number | undefined {
  if (dollars.trim() === '') return undefined;
  const n = Number(dollars);
  return Number.isFinite(n) ? Math.round(n * 100) : undefined;
}
