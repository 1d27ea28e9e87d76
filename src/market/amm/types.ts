/**
 * Data shapes of the constant-product AMM. Prices are always quoted in **Y per X** (how many Y
 * one X buys); amounts are in units of the token they name.
 */

/** One of the pool's two assets. */
export type Token = 'X' | 'Y';

/**
 * A constant-product pool (Uniswap v2 style). Invariants, enforced by `createPool` and kept by
 * every swap: both reserves are finite and > 0, and `fee` is in [0, 1).
 */
export interface Pool {
  /** Units of X held by the pool; finite, > 0. */
  readonly reserveX: number;
  /** Units of Y held by the pool; finite, > 0. */
  readonly reserveY: number;
  /**
   * Fee fraction in [0, 1), charged on the input amount. The fee stays in the pool, so the
   * product reserveX·reserveY grows with every swap when fee > 0.
   */
  readonly fee: number;
}

/** The outcome of one swap: the pool after it and the two amounts that crossed. */
export interface SwapResult {
  /** The pool after the swap (a new object; the input pool is never mutated). */
  readonly pool: Pool;
  /** Amount paid into the pool, fee included, in units of the input token; ≥ 0. */
  readonly amountIn: number;
  /** Amount paid out by the pool, in units of the output token; ≥ 0. */
  readonly amountOut: number;
}
