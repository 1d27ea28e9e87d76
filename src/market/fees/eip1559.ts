/** A rollup's fee market: a base fee per byte of transaction data, EIP-1559 style. */
export interface BaseFeeParams {
  /** Bytes per block the update rule steers toward. */
  readonly targetBytesPerBlock: number;
  /** The update's denominator: 8 in EIP-1559, so the fee moves by at most 12.5% a block. */
  readonly maxChangeDenominator: number;
  /** Floor on the base fee, in gas-token units per byte. */
  readonly minBaseFeePerByte: number;
  /** Ceiling on the base fee, in gas-token units per byte (keeps a long congested run finite). */
  readonly maxBaseFeePerByte: number;
}

/**
 * The next block's base fee (EIP-1559, Buterin et al. 2019, "Specification"):
 * b' = b · (1 + clamp((used − target) / target, −1, 1) / d), kept within [floor, ceiling].
 * EIP-1559 blocks hold at most twice their target (the elasticity multiplier 2), so the fee moves by
 * at most 1/d a block; the model's blocks have no gas limit, so the relative excess is clamped to
 * the same ±1 instead.
 */
export function nextBaseFee(baseFeePerByte: number, bytesUsed: number, params: BaseFeeParams): number {
  const { targetBytesPerBlock: t, maxChangeDenominator: d, minBaseFeePerByte: floor, maxBaseFeePerByte: ceiling } = params;
  const excess = Math.min(1, Math.max(-1, (bytesUsed - t) / t));
  return Math.min(ceiling, Math.max(floor, baseFeePerByte * (1 + excess / d)));
}
