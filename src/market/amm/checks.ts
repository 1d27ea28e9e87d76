/** Argument checks shared by the AMM functions; each throws a RangeError naming the argument. */

/** Throws unless `value` is finite and > 0. */
export function requirePositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new RangeError(`${name} must be a finite number > 0, got ${value}`);
  }
}

/** Throws unless `value` is finite and ≥ 0. */
export function requireNonNegative(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
  }
}

/** Throws unless `fee` is a fee fraction in [0, 1). */
export function requireFee(fee: number): void {
  if (!(Number.isFinite(fee) && fee >= 0 && fee < 1)) {
    throw new RangeError(`fee must be in [0, 1), got ${fee}`);
  }
}
