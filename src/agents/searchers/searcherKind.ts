import { z } from 'zod';
import type { Pool, Token } from '../../market/amm/types.js';
import type { Balances, Bundle, UserSwap } from '../../market/orders/types.js';
import type { BidStrategy } from './bidStrategy.js';

/** One rollup as a searcher sees it this slot. */
export interface SearcherRollupView {
  readonly index: number;
  readonly id: string;
  readonly pool: Pool;
  readonly gasToken: Token;
  /** Pending user swaps it may target (see `MempoolAccess`); empty for `none`. */
  readonly pending: readonly UserSwap[];
}

/** What every searcher reads when it decides its bundles for a slot (agents propose; the model applies). */
export interface SearcherView {
  readonly searcher: number;
  /** Its rollups, in the order its kind's `rollupsOf` names them. */
  readonly rollups: readonly SearcherRollupView[];
  readonly refPriceYPerX: number;
  readonly minProfitY: number;
  /** Its base latency, ms (`latencyMs`); with `latencyJitter` or `colocationMs` the model replaces it by a drawn one in each bundle after `propose`. */
  readonly latencyMs: number;
  /** When a top-of-block bundle sent now arrives: slot start + base latency, ms. */
  readonly arrivalMs: number;
  /** All its rollups are sequenced together this slot, so an atomic multi-rollup bundle can be sold. */
  readonly atomicAllowed: boolean;
  /** This slot's id for the legs of one split opportunity (kinds with `legGroups`). */
  readonly group: number;
  /**
   * Under `capital.negative: "forbid"`: what it holds on each of its rollups (in `rollups` order),
   * the most a swap may spend of each token; absent or null, unlimited (balances may go negative).
   */
  readonly spendable?: readonly Balances[] | null;
  /** Hedging kinds: its CEX venue (fee in bp, depth in Y), to size for the hedge's net; absent or null, free and infinitely deep. */
  readonly cex?: { readonly feeBp: number; readonly depthY?: number | undefined } | null;
}

/**
 * Which pending user swaps a kind may target: `none`; `behind` (public swaps on rollups whose
 * contents are visible: a position right after the swap); `around` (as `behind`, and only where
 * the ordering lets a bundle go ahead of its target, i.e. neither `fcfs` nor `timeboost`).
 */
export type MempoolAccess = 'none' | 'behind' | 'around';

/** A column a kind adds to the per-slot table (only in runs that have a searcher of that kind). */
export interface SearcherKindColumn {
  /** Name in slots.csv. */
  readonly name: string;
  /** Field of the execute step's statistics that holds it (what `books` names). */
  readonly field: string;
  readonly type: 'count' | 'amount';
  readonly unit: string;
  readonly meaning: string;
  /** Summed over slots into summary.json's `rollups[].<sum>` (and `totals` with `total`). */
  readonly summary?: { readonly sum: string; readonly total?: boolean };
}

/**
 * Everything about one kind of searcher, in its own file (registered once in registry.ts): its
 * config fields, the rollups it acts on, what it sees, how it proposes bundles and which statistics
 * its executed swaps add to.
 */
export interface SearcherKind<K extends string = string, S extends z.ZodRawShape = z.ZodRawShape> {
  /** The config's `kind`. */
  readonly kind: K;
  /** One line on what it does (the config reference prints it). */
  readonly summary: string;
  /** Its own config fields (described zod schemas); every searcher also has id, bidFraction, strategy, minProfitY, latencyMs, exclusiveBuilder. */
  readonly fields: S;
  /** Ids of the rollups it acts on, from its config. */
  rollupsOf(config: z.output<z.ZodObject<S>>): readonly string[];
  /** Checks beyond the fields' own (rollup ids are checked for every kind): a message per problem, keyed by field. */
  check?(config: z.output<z.ZodObject<S>>): readonly { readonly field: string; readonly message: string }[];
  readonly mempool: MempoolAccess;
  /** Its bundles hedge each executed leg on the CEX (`Bundle.hedge`), so a searcher's `cex` venue applies. */
  readonly hedges?: boolean;
  /** Takes a leg-group id every slot (split opportunities whose lone legs are tracked). */
  readonly legGroups?: boolean;
  /** The execute step's statistics each executed swap of its bundles adds to: a count (or none) and the gross profit (Y). */
  readonly books: { readonly swaps: string | null; readonly profitY: string };
  /** Columns of its own (their fields are what `books` names when they are new). */
  readonly columns?: readonly SearcherKindColumn[];
  /**
   * Its bundles this slot, bidding with `strategy`. The view is valid during the call only: the model
   * refills the same view every slot, so a kind neither keeps it (or its arrays) nor changes it.
   */
  propose(view: SearcherView, config: z.output<z.ZodObject<S>>, strategy: BidStrategy): Bundle[];
}

/** Declares a searcher kind (an identity that keeps the literal types the registry derives from). */
export function defineSearcherKind<const K extends string, S extends z.ZodRawShape>(kind: SearcherKind<K, S>): SearcherKind<K, S> {
  return kind;
}

/** The config field of a kind that works one rollup's pool. */
export const singleRollupFields = { rollup: z.string().min(1).describe('Id of the rollup whose pool this searcher works.') };
