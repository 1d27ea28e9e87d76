import type { OfaPricing } from '../market/mechanisms/orderFlowAuction.js';
import type { FloorRule } from '../market/mechanisms/committee.js';

/** Mechanisms that `validateMechanisms` can check against closed forms. */
export const validatedMechanisms = [
  'tullock',
  'execution-tickets',
  'first-price',
  'second-price',
  'all-pay',
  'mev-burn',
  'mev-smoothing',
  'order-flow-auction',
] as const;
/** One of `validatedMechanisms`. */
export type ValidatedMechanism = (typeof validatedMechanisms)[number];

/** Committee set-up of a mev-burn / mev-smoothing case (times in ms on the slot clock). */
export interface CommitteeCase {
  readonly size: number;
  readonly latencyMs: number;
  readonly jitterMs: number;
  readonly deadlineMs: number;
  readonly rule: FloorRule;
}

/**
 * One complete-information validation case: fixed values v_i > 0 (numéraire), the mechanism, and
 * the options its closed form needs. Bidders play the equilibrium of `playedValues` (default
 * `values`); setting it differently makes play deviate from the theory, which the tests use to
 * show that the check can fail.
 */
export interface ValidationCase {
  readonly mechanism: ValidatedMechanism;
  readonly values: readonly number[];
  /** Row label and stream path suffix (`validate/<label>`); defaults to the mechanism name. */
  readonly label?: string;
  /** Tullock exponent (default 1). */
  readonly alpha?: number;
  readonly playedValues?: readonly number[];
  /** Order-flow auction pricing (default second-price) and rebate fraction (default 0.5). */
  readonly pricing?: OfaPricing;
  readonly rebateFraction?: number;
  /** mev-burn / mev-smoothing: committee and bid release times (default `defaultCommittee`). */
  readonly committee?: CommitteeCase;
  readonly bidTimesMs?: readonly number[];
}

/**
 * Default committee for the burn/smoothing cases: 9 members, 100 ms latency, exponential jitter
 * with mean 200 ms, deadline 1500 ms, majority floor. With bids released late — the top bid at
 * 1300 ms, the others at 1350 ms (the default `bidTimesMs`) — a member sees the top bid with
 * probability 1 − e^{−1/2} ≈ 0.39 and another with 1 − e^{−1/4} ≈ 0.22, so the floor is 0 in
 * about 45% of rounds: the burn is genuinely random.
 */
export const defaultCommittee: CommitteeCase = {
  size: 9,
  latencyMs: 100,
  jitterMs: 200,
  deadlineMs: 1500,
  rule: 'majority',
};

/**
 * The default cases, each with a closed form: the seed essay's example values (4, 2) for every
 * mechanism; Stein's (2002) active-set case (4, 2, 1) where the low-value player is inactive
 * (v3 · (1/4 + 1/2) = 3/4 ≤ 1); two-player α = 1/2 (Nti 1999); symmetric n = 3 with α = 1.2
 * (≤ n/(n − 1) = 1.5, Pérez-Castrillo & Verdier 1992).
 */
export const defaultValidationCases: readonly ValidationCase[] = [
  { mechanism: 'tullock', values: [4, 2] },
  { mechanism: 'tullock', values: [4, 2, 1], label: 'tullock-stein-3-players' },
  { mechanism: 'tullock', values: [4, 2], alpha: 0.5, label: 'tullock-alpha-0.5' },
  { mechanism: 'tullock', values: [1, 1, 1], alpha: 1.2, label: 'tullock-symmetric-alpha-1.2' },
  { mechanism: 'execution-tickets', values: [4, 2] },
  { mechanism: 'first-price', values: [4, 2] },
  { mechanism: 'second-price', values: [4, 2] },
  { mechanism: 'all-pay', values: [4, 2] },
  { mechanism: 'mev-burn', values: [4, 2] },
  { mechanism: 'mev-smoothing', values: [4, 2] },
  { mechanism: 'order-flow-auction', values: [4, 2], rebateFraction: 0.5 },
];
