/** Numbers as the screens print them. */

/** Points with their sign: "+3,000", "−6,000", "±0". */
export function signedPoints(
  points: number,
  formatNumber: (value: number) => string = (value) => value.toLocaleString('en-US'),
): string {
  if (points === 0) return '±0';
  return `${points > 0 ? '+' : '−'}${formatNumber(Math.abs(points))}`;
}

/** A share as a whole percentage, or "—" when there is nothing to divide. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)} %`;
}
