import type { Source } from '../engine/randomStreams.js';
import type { MarketConfig } from '../config/schema.js';
import type { Bundle } from './types.js';

/** The winning bundle and what it pays, in the rollup's gas token. */
export interface TopOfBlockOutcome {
  readonly bundle: Bundle;
  readonly paymentGas: number;
}

/**
 * Runs the configured mechanism over the bundles' bids for the top of one rollup's block.
 * First-price: the highest bid wins and pays its bid; second-price: it pays the second-highest
 * bid (0 with one bidder). Ties go to a uniformly drawn top bidder.
 */
export function runTopOfBlockAuction(
  mechanism: MarketConfig['mechanism'],
  bundles: readonly Bundle[],
  source: Source,
): TopOfBlockOutcome | null {
  if (bundles.length === 0) return null;
  const sorted = [...bundles].sort((a, b) => b.bidGas - a.bidGas);
  const top = sorted.filter((b) => b.bidGas === sorted[0]!.bidGas);
  const winner = top.length === 1 ? top[0]! : top[Math.floor(source() * top.length)]!;
  const second = sorted.length > 1 ? sorted[1]!.bidGas : 0;
  const paymentGas = mechanism.name === 'second-price' ? second : winner.bidGas;
  return { bundle: winner, paymentGas };
}
