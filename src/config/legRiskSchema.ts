import { z } from 'zod';

/*
 * Leg risk (issue 14): a rollup's inclusion failures and where a searcher unwinds a lone leg. Kept in
 * its own file so schema.ts (rollups) and agentsSchema.ts (searchers) only name these.
 */

/** What `rollups[].inclusionFailureProbability` means, and how it combines with `sequencing.legFailureProbability`. */
export const inclusionFailureDescription =
  'Probability, in [0, 1], that what a cross-rollup arbitrageur got included on this rollup still fails to land (Silva & Livshits 2024, arXiv:2410.11552: independent failures F_A, F_B per rollup). '
  + 'A split leg on this rollup (either sequencing mode) fails with it; an atomic bundle over several rollups lands on all of them or on none: it lands with Π over its rollups of (1 − probability), one draw per rollup. '
  + 'A bundle that fails to land does not execute and pays neither its bid nor data fees (only executed bundles pay). '
  + 'Under `separate` sequencing a split leg must also survive `sequencing.legFailureProbability` (drawn first, independently): it lands with (1 − legFailureProbability)(1 − this). '
  + 'Only cross-rollup bundles are affected; draws come from their own stream (`inclusion`), so runs with every probability 0 are unchanged.';

/** Where a searcher unwinds the lone leg of a split cross-rollup opportunity (`searchers[].unwind`). */
export const unwindSchema = z
  .discriminatedUnion('venue', [
    z.object({
      venue: z.literal('pool').describe('Sell what the lone leg bought back into the same pool at the top of the next block (as before).'),
    }).strict(),
    z.object({
      venue: z.literal('cex').describe('Sell what the lone leg bought on the CEX at once, in the same slot, at the reference price less `costBp`; the trade is booked in the searcher\'s CEX account, like a CEX-DEX arbitrageur\'s hedge (no on-chain transaction, no data fee).'),
      costBp: z.number().nonnegative().max(10_000).default(0).describe('Cost of the CEX unwind in basis points of the reference price (fee plus spread), in [0, 10000].'),
    }).strict(),
    z.object({
      venue: z.literal('hold').describe('Hold the lone leg and unwind it in the same pool at the top of the first later block where that loses nothing at the reference price then (the leg and its unwind together), or at the block `horizonSlots` after the failure at the latest.'),
      horizonSlots: z.number().int().nonnegative().default(10).describe('Most blocks (one per slot) the lone leg is held before it is unwound in the pool whatever the loss, an integer ≥ 0 (0 or 1: the next block, as `pool`).'),
    }).strict(),
  ]);

/** What `searchers[].unwind` means. */
export const unwindDescription =
  'Where this searcher unwinds the lone leg of a split cross-rollup opportunity (one leg landed, the other did not): `pool` (default), `cex` or `hold`. Only `cross-rollup` searchers with split legs ever have one. The loss is booked in `leg_failure_loss_y` on the leg\'s rollup when the leg is unwound.';

export type UnwindConfig = z.infer<typeof unwindSchema>;
