// Small summaries of repeated timings.

/** Median of a non-empty list of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Median, min, max and the spread as ± half the range relative to the median (a 7-run ±2% means
 * every run was within about 2% of the median).
 */
export function summarize(xs) {
  const med = median(xs);
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  return { median: med, min, max, spread: (max - min) / 2 / med, n: xs.length };
}

/** 12345.6 -> "12,346" (or with `digits` decimals). */
export function fmt(x, digits = 0) {
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** 0.0234 -> "+2.3%". */
export function pct(x, digits = 1) {
  return `${x >= 0 ? '+' : ''}${(100 * x).toFixed(digits)}%`;
}

/** Bytes -> "12.3 MB" (MB = 2^20 bytes). */
export function mb(bytes) {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}
