import { spotPrice } from '../amm/spotPrice.js';
import type { Pool } from '../amm/types.js';

/** An interval of prices in Y per X, lower ≤ upper. */
export interface PriceBand {
  readonly lower: number;
  readonly upper: number;
}

/**
 * The external prices (Y per X) against which no single swap on `pool` is profitable:
 * [spot·(1−f), spot/(1−f)]. Selling X into the pool earns at most spot·(1−f) per X at the margin
 * and buying X costs at least spot/(1−f), and both only get worse with size (the output is
 * concave in the input), so an arbitrage exists exactly when the external price lies outside
 * the band (Angeris, Kao, Chiang, Noyes, Chitra 2019, "An analysis of Uniswap markets").
 */
export function noArbitrageBand(pool: Pool): PriceBand {
  const spot = spotPrice(pool);
  const gamma = 1 - pool.fee;
  return { lower: spot * gamma, upper: spot / gamma };
}
