import type { ValidationRow } from './validateMechanisms.js';

const headers = [
  'case', 'mechanism', 'measure', 'simulated', 'theory', 'tolerance', 'pass',
] as const;

function formatNumber(x: number): string {
  return Number.isFinite(x) ? x.toFixed(6) : String(x);
}

/**
 * A plain, aligned text table of validation rows (text columns left-aligned, numbers
 * right-aligned with 6 decimals, `pass` as PASS/FAIL), followed by a summary line.
 */
export function formatValidationTable(rows: readonly ValidationRow[]): string {
  const cells = rows.map((r) => [
    r.case, r.mechanism, r.measure,
    formatNumber(r.simulated), formatNumber(r.theory), formatNumber(r.tolerance),
    r.pass ? 'PASS' : 'FAIL',
  ]);
  const widths = headers.map((h, j) => Math.max(h.length, ...cells.map((row) => row[j]!.length)));
  const numeric = (j: number) => j >= 3 && j <= 5;
  const line = (row: readonly string[]) =>
    row
      .map((cell, j) => (numeric(j) ? cell.padStart(widths[j]!) : cell.padEnd(widths[j]!)))
      .join('  ')
      .trimEnd();
  const failed = rows.filter((r) => !r.pass).length;
  return [
    line(headers),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map(line),
    '',
    `${rows.length - failed}/${rows.length} rows pass${failed > 0 ? ` (${failed} FAIL)` : ''}`,
  ].join('\n');
}
