/**
 * A restaking network (Durvasula & Roughgarden, "Robust Restaking Networks", ITCS 2025,
 * arXiv:2407.21785, §2): validators restake their stake to services; a coalition of validators A
 * can corrupt every service s it controls — A holds at least the fraction `threshold` of the stake
 * restaked to s — and then gains the services' profit from corruption, losing its own stake
 * (slashed). Stakes and profits are in one unit (Y in seqsim).
 */
export interface RestakingNetwork {
  /** Stake at risk of each validator (≥ 0): what it loses when it attacks. */
  readonly stakes: readonly number[];
  /** Per service: profit from corruption π_s ≥ 0 and attack threshold α_s ∈ (0, 1]. */
  readonly services: readonly RestakedService[];
  /** For each validator, the indices of the services it restakes to (its edges). */
  readonly restakedTo: readonly (readonly number[])[];
}

/** One service secured by restaked stake. */
export interface RestakedService {
  /** What a coalition controlling the service can take from it, π_s ≥ 0. */
  readonly profit: number;
  /** Fraction of the stake restaked to the service a coalition needs to corrupt it, α_s ∈ (0, 1]. */
  readonly threshold: number;
}

/** An attack: a coalition of validators and the services it corrupts (indices). */
export interface Attack {
  readonly validators: readonly number[];
  readonly services: readonly number[];
  /** Stake the coalition loses, σ(A). */
  readonly cost: number;
  /** Profit from corrupting the services, π(B). */
  readonly profit: number;
}
