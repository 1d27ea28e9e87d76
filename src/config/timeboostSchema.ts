import { z } from 'zod';

const positive = () => z.number().positive().finite();
const nonNegative = () => z.number().nonnegative().finite();

/**
 * Arbitrum Timeboost's parameters (OffchainLabs, timeboost-design research spec; Arbitrum docs,
 * "A gentle introduction: Timeboost"): time is cut into rounds; control of each round's express
 * lane is sold in a sealed-bid second-price auction with a reserve price that closes
 * `auctionClosingSeconds` before the round; under the sequencer's first-come-first-served order,
 * every transaction but the controller's is delayed by `nonExpressDelayMsec`. Defaults are the
 * deployed ones (60 s rounds, 15 s closing, 200 ms delay).
 */
export const timeboostSchema = z
  .object({
    roundSeconds: positive().default(60).describe('Length of an express-lane round, in seconds (Arbitrum: 60); at least one slot (`clock.slotMs`). Rounds start at time 0 and follow each other; a slot belongs to the round its start falls in.'),
    closingSeconds: nonNegative().default(15).describe('The auction for a round closes this many seconds before the round starts (Arbitrum\'s `auctionClosingSeconds`: 15), in [0, roundSeconds). It clears in the slot whose end is at or after the closing time; the first round (its auction would close before the run) has no controller.'),
    reservePriceY: nonNegative().default(0).describe('Reserve price of the express-lane auction, in Y (>= 0): no sale below it; the winner pays max(reserve, second-highest bid).'),
    nonExpressDelayMs: nonNegative().default(200).describe('Delay added to every transaction that is not the express-lane controller\'s (users\' swaps, other searchers\' bundles), in ms (Arbitrum: 200).'),
  })
  .strict();

export type TimeboostConfig = z.output<typeof timeboostSchema>;

/** Timeboost's parameters of a rollup: its own, or the defaults (read only when its ordering is `timeboost`). */
export function timeboostOf(rollup: { readonly timeboost?: TimeboostConfig | undefined }): TimeboostConfig {
  return rollup.timeboost ?? TIMEBOOST_DEFAULTS;
}

const TIMEBOOST_DEFAULTS: TimeboostConfig = Object.freeze(timeboostSchema.parse({}));
