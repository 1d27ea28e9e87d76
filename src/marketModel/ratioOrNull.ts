/** a ÷ b, or null when b is not positive or the ratio overflows (a value too small to divide by). */
export function ratioOrNull(a: number, b: number): number | null {
  const r = b > 0 ? a / b : Number.NaN;
  return Number.isFinite(r) ? r : null;
}
