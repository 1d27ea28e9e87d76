import { z } from 'zod';

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
  'Where this searcher unwinds the lone leg of a split cross-rollup opportunity (one leg landed, the other did not): `pool` (default), `cex` or `hold`. Only split legs (`bundling: "split"`, or any bundling under `separate` sequencing) can be left alone. The loss is booked in `leg_failure_loss_y` on the leg\'s rollup when the leg is unwound.';

export type UnwindConfig = z.infer<typeof unwindSchema>;
