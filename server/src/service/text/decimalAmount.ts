/**
 * Money as written: decimal strings, added exactly with BigInt, never turned
 * into a floating-point number on the way from one format to the other. A
 * charge of $99,999,999,999,999.99 read as a number is 100000000000000, and
 * one of 1.005 written with two decimals is 1.00; conversion keeps both as
 * the file wrote them.
 */

/** A written amount ('$1,234.5', '350', '-0.10', '.5') as a plain decimal ('1234.5', '350', '-0.10', '0.5'), or undefined. */
export function decimalOf(written: string): string | undefined {
  const plain = written.trim().replace(/^\$/, '').replace(/,/g, '');
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(plain);
  if (!match || `${match[2] ?? ''}${match[3] ?? ''}` === '') {
    return undefined;
  }
  const sign = match[1] === '-' ? '-' : '';
  const whole = (match[2] ?? '').replace(/^0+(?=\d)/, '') || '0';
  return match[3] === undefined || match[3] === '' ? `${sign}${whole}` : `${sign}${whole}.${match[3]}`;
}

function parts(decimal: string): { negative: boolean; whole: string; fraction: string } {
  const negative = decimal.startsWith('-');
  const [whole = '0', fraction = ''] = decimal.replace(/^[+-]/, '').split('.');
  return { negative, whole, fraction };
}

/** Digits after the point. */
export function decimalPlaces(decimal: string): number {
  return parts(decimal).fraction.length;
}

/** With at least two decimals (`350` → `350.00`); more are kept as written. */
export function withCents(decimal: string): string {
  const { negative, whole, fraction } = parts(decimal);
  return `${negative ? '-' : ''}${whole}.${fraction.padEnd(2, '0')}`;
}

/** As an 837 writes an amount: whole dollars bare, else at least two decimals (`350`, `350.50`). */
export function x12Amount(decimal: string): string {
  const { negative, whole, fraction } = parts(decimal);
  return /^0*$/.test(fraction) ? `${negative && whole !== '0' ? '-' : ''}${whole}` : withCents(decimal);
}

/** The exact sum of decimals, with as many places as the finest of them (at least two). */
export function sumOf(decimals: readonly string[]): string {
  const places = Math.max(2, ...decimals.map(decimalPlaces));
  let total = 0n;
  for (const decimal of decimals) {
    const { negative, whole, fraction } = parts(decimal);
    const scaled = BigInt(`${whole}${fraction.padEnd(places, '0')}`);
    total += negative ? -scaled : scaled;
  }
  const digits = (total < 0n ? -total : total).toString().padStart(places + 1, '0');
  return `${total < 0n ? '-' : ''}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}
