import type { Pool, Token } from '../amm/types.js';

/** The profit-maximising single swap of one pool against an external price, without the pool after it (see `ArbTrade`). */
export interface ArbQuote {
  /** Token paid into the pool: 'Y' buys X (pool too cheap), 'X' sells X (pool too dear), null: no trade. */
  readonly tokenIn: Token | null;
  /** Amount of `tokenIn` paid into the pool, fee included; 0 when there is no trade. */
  readonly amountIn: number;
  /** Amount of the other token received from the pool; 0 when there is no trade. */
  readonly amountOut: number;
  /** Arbitrage profit in Y, both legs valued at the external price; ≥ 0. */
  readonly profitY: number;
}

/**
 * The profit-maximising single swap of one pool against an external (CEX) price. All amounts are
 * in units of the token they refer to; `profitY` is in Y at the external price.
 */
export interface ArbTrade extends ArbQuote {
  /** The pool after the trade (the input pool itself when there is no trade). */
  readonly poolAfter: Pool;
}

/** Which pool of a pair the cycle buys X on. */
export type PoolSide = 'A' | 'B';

/**
 * The optimal two-pool cycle: pay Y into `buyOn` for X, sell that X into the other pool for Y.
 * Amounts are in units of the token named; `profitY` = amountYOut − amountYIn, in Y.
 */
export interface CrossArb {
  /** The pool X is bought on (the cheaper one), or null when no profitable cycle exists. */
  readonly buyOn: PoolSide | null;
  /** Y paid into the buy pool, fee included; 0 when there is no trade. */
  readonly amountYIn: number;
  /** X received from the buy pool and paid into the sell pool; 0 when there is no trade. */
  readonly amountX: number;
  /** Y received from the sell pool; 0 when there is no trade. */
  readonly amountYOut: number;
  /** amountYOut − amountYIn, in Y; ≥ 0. */
  readonly profitY: number;
  /** Pool A after the cycle. */
  readonly poolAAfter: Pool;
  /** Pool B after the cycle. */
  readonly poolBAfter: Pool;
  /** Spot price of pool A after the cycle, Y per X. */
  readonly priceAAfter: number;
  /** Spot price of pool B after the cycle, Y per X. */
  readonly priceBAfter: number;
}
