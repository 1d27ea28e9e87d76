import { strideFor } from './everyKth.js';

/** One win: who won a position in which slot (or auction). */
export interface WinRow {
  readonly slot: number;
  /** Winner's id; null or '' when nothing was won. Several ids separated by `;` count one win each. */
  readonly winner: string | null;
}

/** The Herfindahl–Hirschman index of wins in the window of slots ending at `slot`. */
export interface HhiPoint {
  /** Last slot of the window. */
  readonly slot: number;
  /** Σ sᵢ² over winners' shares of the window's wins, in [1/n, 1]. */
  readonly hhi: number;
  /** Wins in the window. */
  readonly wins: number;
}

/** Options for rolling statistics over slots. */
export interface WindowOptions {
  /** Window length in slots (slots s with end − windowSlots < s ≤ end). */
  readonly windowSlots: number;
  /** At most this many points are returned (the window end moves by a fixed stride). Default 2000. */
  readonly maxPoints?: number;
}

/** Splits `a;b` winner fields into single ids, dropping empty ones. */
export function winnerIds(winner: string | null): string[] {
  return winner ? winner.split(';').filter((w) => w.length > 0) : [];
}

/** The first and last slot of a non-empty table (a loop: spreading 10⁵ rows into Math.min overflows). */
export function slotRange(rows: readonly { slot: number }[]): [number, number] {
  let first = Infinity;
  let last = -Infinity;
  for (const r of rows) {
    first = Math.min(first, r.slot);
    last = Math.max(last, r.slot);
  }
  return [first, last];
}

/**
 * Rolling HHI of winners (Herfindahl 1950; the concentration measure of DESIGN.md §8) over a sliding
 * window of `windowSlots` slots, evaluated at every k-th slot from the first full window on. Windows
 * without a win are skipped (the HHI is undefined there). O(slots + wins).
 */
export function rollingHhi(rows: readonly WinRow[], opts: WindowOptions): HhiPoint[] {
  const w = Math.max(1, Math.floor(opts.windowSlots));
  const wins = rows
    .flatMap((r) => winnerIds(r.winner).map((id) => ({ slot: r.slot, id })))
    .sort((a, b) => a.slot - b.slot);
  if (rows.length === 0) return [];
  const [first, last] = slotRange(rows);
  const stride = strideFor(Math.max(1, last - (first + w - 1) + 1), opts.maxPoints ?? 2000);
  const counts = new Map<string, number>();
  let sumSq = 0;
  let total = 0;
  const bump = (id: string, d: number): void => {
    const c = counts.get(id) ?? 0;
    sumSq += (c + d) ** 2 - c ** 2;
    counts.set(id, c + d);
    total += d;
  };
  const out: HhiPoint[] = [];
  let head = 0;
  let tail = 0;
  for (let end = first + w - 1; end <= last; end += stride) {
    while (head < wins.length && wins[head]!.slot <= end) bump(wins[head++]!.id, 1);
    while (tail < head && wins[tail]!.slot <= end - w) bump(wins[tail++]!.id, -1);
    if (total > 0) out.push({ slot: end, hhi: sumSq / (total * total), wins: total });
  }
  return out;
}
