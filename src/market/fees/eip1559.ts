/** A rollup's fee market: a base fee per byte of transaction data, EIP-1559 style. */
export interface BaseFeeParams {
  /** Bytes per block the update rule steers toward. */
  readonly targetBytesPerBlock: number;
  /** The update's denominator: 8 in EIP-1559, so the fee moves by at most 12.5% a block. */
  readonly maxChangeDenominator: number;
  /** Floor on the base fee, in gas-token units per byte. */
  readonly minBaseFeePerByte: number;
}

/**
 * The next block's base fee (EIP-1559, Buterin et al. 2019, "Specification"):
 * b' = b · (1 + (used − target) / target / d), floored at the minimum.
 */
export function nextBaseFee(baseFeePerByte: number, bytesUsed: number, params: BaseFeeParams): number {
  const { targetBytesPerBlock: t, maxChangeDenominator: d, minBaseFeePerByte: floor } = params;
  const next = baseFeePerByte * (1 + (bytesUsed - t) / t / d);
  return Math.max(floor, next);
}
