/**
 * One line of a market run's `summary.json` `bidders` as the report reads it (see
 * docs/reference/outputs.md for each field). Fields other than `bidder` may be missing or null in a
 * hand-made or older summary; the chart and the table show what is there.
 */
export interface BidderEntry {
  readonly bidder: string;
  /** `builder` (bids for blocks) or `searcher` (bids for positions). */
  readonly role: string;
  /** The bidder's `strategy.name`. */
  readonly strategy: string;
  /** Σ bid ÷ Σ value over the run; null without value. */
  readonly mean_shade?: number | null;
  /** Σ payoffs, Y. */
  readonly payoff_y?: number | null;
  /** Regret against the best fixed action in hindsight, Y. */
  readonly regret_y?: number | null;
  /** First slot of the window from which the shade stayed put; null with fewer than two windows with value. */
  readonly converged_at_slot?: number | null;
  /** Slots per window of `shade_by_window` (summaries before session 31 lack it: the config's `bidding.windowSlots` then). */
  readonly window_slots?: number | null;
  /** Σ bid ÷ Σ value per window of `window_slots` slots, window k covering slots [k·w, (k+1)·w). */
  readonly shade_by_window?: readonly (number | null)[];
}

/** One window's shade of one bidder, in long form for the chart. */
export interface ShadePoint {
  /** First slot of the window: window index × windowSlots. */
  readonly slot: number;
  readonly bidder: string;
  readonly role: string;
  /** Σ bid ÷ Σ value in the window (unitless; 1 = bids equal to value). */
  readonly shade: number;
}

/**
 * The default of the config's `bidding.windowSlots` (src/config/strategySchema.ts; a test checks
 * that they agree): the window length assumed when a run folder's manifest.json does not give it.
 */
export const DEFAULT_BIDDING_WINDOW_SLOTS = 100;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The `bidders` of a market run's summary: [] when it has none (summaries written before bidders
 * were recorded) or the field is not a list; entries without a string `bidder` are left out.
 */
export function biddersFromSummary(summary: Record<string, unknown>): BidderEntry[] {
  const list = summary['bidders'];
  if (!Array.isArray(list)) return [];
  return list
    .filter((b): b is Record<string, unknown> => isObject(b) && typeof b['bidder'] === 'string')
    .map((b) => ({ ...b, role: String(b['role'] ?? ''), strategy: String(b['strategy'] ?? '') }) as BidderEntry);
}

/**
 * `config.bidding.windowSlots` from a run's manifest.json (which holds the resolved config), or null
 * when the manifest is missing or does not hold a positive integer there.
 */
export function windowSlotsFromManifest(manifest: Record<string, unknown> | null): number | null {
  const config = manifest?.['config'];
  const bidding = isObject(config) ? config['bidding'] : undefined;
  const w = isObject(bidding) ? bidding['windowSlots'] : undefined;
  return typeof w === 'number' && Number.isInteger(w) && w >= 1 ? w : null;
}

const isWindowLength = (w: unknown): w is number => typeof w === 'number' && Number.isInteger(w) && w >= 1;

/** A bidder's window length: its own `window_slots`, or `windowSlots` (the run's config) when the entry has none. */
export function bidderWindowSlots(b: BidderEntry, windowSlots: number): number {
  return isWindowLength(b.window_slots) ? b.window_slots : windowSlots;
}

/** The distinct window lengths of the bidders that have windows, in order ({@link bidderWindowSlots}; one for a run whose bidders all bid to its end). */
export function windowLengths(bidders: readonly BidderEntry[], windowSlots: number): number[] {
  return [...new Set(bidders.filter((b) => (b.shade_by_window ?? []).length > 0).map((b) => bidderWindowSlots(b, windowSlots)))];
}

/**
 * Each bidder's shade per window in long form, bidders in the summary's order, windows in order;
 * windows whose shade is null (no value in the window) or not a finite number are skipped. The x of
 * window k is its first slot, k × the bidder's window length ({@link bidderWindowSlots}).
 */
export function bidderShades(bidders: readonly BidderEntry[], windowSlots: number): ShadePoint[] {
  if (!isWindowLength(windowSlots)) throw new RangeError(`windowSlots must be an integer >= 1, got ${windowSlots}`);
  const points: ShadePoint[] = [];
  for (const b of bidders) {
    const w = bidderWindowSlots(b, windowSlots);
    (b.shade_by_window ?? []).forEach((shade, k) => {
      if (typeof shade === 'number' && Number.isFinite(shade)) points.push({ slot: k * w, bidder: b.bidder, role: b.role, shade });
    });
  }
  return points;
}
