import type { MechanismConfig } from '../market/mechanisms/config.js';
import type { Source } from '../market/mechanisms/types.js';
import { allPayEquilibrium, drawAllPayEquilibriumBids } from '../market/theory/allPay.js';
import { committeeFloorMoments, seenProbability } from '../market/theory/committeeFloor.js';
import type { ContestEquilibrium } from '../market/theory/contestEquilibrium.js';
import { firstPriceEquilibrium, secondPriceEquilibrium } from '../market/theory/firstPrice.js';
import { tullockEquilibrium } from '../market/theory/tullock.js';
import {
  tullockSymmetricEquilibrium,
  tullockTwoPlayerEquilibrium,
} from '../market/theory/tullockGeneralAlpha.js';
import { defaultCommittee, type ValidationCase } from './validationCase.js';

/** Closed-form expectations of one case; amounts in numéraire. */
export interface CaseTheory {
  readonly equilibrium: ContestEquilibrium;
  /** Committee floor (mev-burn: burned; mev-smoothing: to the committee): mean and variance. */
  readonly floor?: {
    readonly measure: 'burned' | 'to-committee';
    readonly mean: number;
    readonly variance: number;
  };
  /** Expected rebate to the user (order-flow auction). */
  readonly rebate?: number;
}

/** How to simulate one case and what the theory says. */
export interface CasePlan {
  readonly config: MechanismConfig;
  readonly values: readonly number[];
  readonly bidTimesMs?: readonly number[];
  /** One round's bid amounts: equilibrium play for `playedValues` (mixed play draws `source`). */
  drawBids(source: Source): readonly number[];
  readonly theory: CaseTheory;
  /** Known deterministic bias bound of the simulated revenue (ticket discretisation), numéraire. */
  readonly revenueBiasBound: number;
}

/** The Tullock equilibrium for which a closed form is implemented; RangeError otherwise. */
export function tullockTheory(values: readonly number[], alpha: number): ContestEquilibrium {
  if (alpha === 1) return tullockEquilibrium(values);
  if (values.length === 2) return tullockTwoPlayerEquilibrium(values[0]!, values[1]!, alpha);
  if (values.every((v) => v === values[0])) {
    return tullockSymmetricEquilibrium(values.length, values[0]!, alpha);
  }
  throw new RangeError(
    'Tullock with alpha != 1 has a closed form here only for 2 players or symmetric values',
  );
}

/**
 * The first-price outcome with a small increment ε = min(1e-6 · v(1), v(1) − v(2)) so that the top
 * bid wins outright under the mechanism's uniform tie-breaking (ε = 0 when the top values tie).
 */
function firstPriceOutcome(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => b - a);
  const increment = Math.min(1e-6 * sorted[0]!, sorted[0]! - sorted[1]!);
  return firstPriceEquilibrium(values, increment);
}

const pure = (bids: readonly number[]) => () => bids;

function planCommittee(c: ValidationCase, played: readonly number[]): CasePlan {
  const committee = c.committee ?? defaultCommittee;
  const eq = firstPriceOutcome(c.values);
  const top = eq.bids.indexOf(Math.max(...eq.bids));
  const times = c.bidTimesMs ?? eq.bids.map((_, i) => (i === top ? 1300 : 1350));
  const seen = eq.bids.map((amount, i) => ({
    amount,
    seenProbability: seenProbability(
      times[i]!,
      committee.latencyMs,
      committee.jitterMs,
      committee.deadlineMs,
    ),
  }));
  const moments = committeeFloorMoments(seen, committee.size, committee.rule);
  const burn = c.mechanism === 'mev-burn';
  const floor = { measure: burn ? 'burned' : 'to-committee', ...moments } as const;
  return {
    config: {
      name: burn ? 'mev-burn' : 'mev-smoothing',
      committeeSize: committee.size,
      memberLatencyMs: committee.latencyMs,
      latencyJitterMs: committee.jitterMs,
      deadlineMs: committee.deadlineMs,
      floorRule: committee.rule,
    },
    values: c.values,
    bidTimesMs: times,
    drawBids: pure(firstPriceOutcome(played).bids),
    theory: { equilibrium: eq, floor },
    revenueBiasBound: 0,
  };
}

function planOrderFlow(c: ValidationCase, played: readonly number[]): CasePlan {
  const pricing = c.pricing ?? 'second-price';
  const rebateFraction = c.rebateFraction ?? 0.5;
  const secondPrice = pricing === 'second-price';
  const eq = secondPrice ? secondPriceEquilibrium(c.values) : firstPriceOutcome(c.values);
  const bids = secondPrice ? played : firstPriceOutcome(played).bids;
  return {
    config: { name: 'order-flow-auction', pricing, rebateFraction, userShare: 1 },
    values: c.values,
    drawBids: pure(bids),
    theory: { equilibrium: eq, rebate: rebateFraction * eq.revenue },
    revenueBiasBound: 0,
  };
}

/** Builds the simulation plan and closed-form theory of one validation case. */
export function planCase(c: ValidationCase): CasePlan {
  const played = c.playedValues ?? c.values;
  const base = { values: c.values, revenueBiasBound: 0 };
  switch (c.mechanism) {
    case 'tullock': {
      const alpha = c.alpha ?? 1;
      const equilibrium = tullockTheory(c.values, alpha);
      const bids = tullockTheory(played, alpha).expectedBids;
      const config = { name: 'tullock', alpha } as const;
      return { ...base, config, drawBids: pure(bids), theory: { equilibrium } };
    }
    case 'execution-tickets': {
      // Tickets are the Tullock (α = 1) equilibrium spend, in units of a price one millionth of
      // the total spend; whole tickets under-spend by at most one price per player.
      const equilibrium = tullockEquilibrium(c.values);
      const ticketPrice = equilibrium.revenue * 1e-6;
      const bids = tullockEquilibrium(played).expectedBids;
      return {
        ...base,
        config: { name: 'execution-tickets', ticketPrice, lookaheadSlots: 0, resale: false },
        drawBids: pure(bids),
        theory: { equilibrium },
        revenueBiasBound: c.values.length * ticketPrice,
      };
    }
    case 'first-price': {
      const equilibrium = firstPriceOutcome(c.values);
      const bids = firstPriceOutcome(played).bids;
      const config = { name: 'first-price' } as const;
      return { ...base, config, drawBids: pure(bids), theory: { equilibrium } };
    }
    case 'second-price': {
      const equilibrium = secondPriceEquilibrium(c.values);
      const config = { name: 'second-price' } as const;
      return { ...base, config, drawBids: pure(played), theory: { equilibrium } };
    }
    case 'all-pay': {
      const playedEq = allPayEquilibrium(played);
      return {
        ...base,
        config: { name: 'all-pay' },
        drawBids: (source) => drawAllPayEquilibriumBids(playedEq, source),
        theory: { equilibrium: allPayEquilibrium(c.values) },
      };
    }
    case 'mev-burn':
    case 'mev-smoothing':
      return planCommittee(c, played);
    case 'order-flow-auction':
      return planOrderFlow(c, played);
  }
}
