import { createStream } from '../engine/randomStreams.js';
import { runMechanism } from '../market/mechanisms/runMechanism.js';
import type { Bid, Source } from '../market/mechanisms/types.js';
import { fairness } from '../market/metrics/fairness.js';
import { revenue } from '../market/metrics/revenue.js';
import { planCase, type CasePlan } from './casePlan.js';
import {
  bernoulliSd,
  fairnessTolerance,
  FLOATING_POINT_SLACK,
  judge,
  meanAndStandardError,
  meanTolerance,
} from './statistics.js';
import { defaultValidationCases, type ValidationCase } from './validationCase.js';

/** One simulated-vs-theory comparison. */
export interface ValidationRow {
  /** The case's label (its stream path is `validate/<case>`). */
  readonly case: string;
  readonly mechanism: string;
  /** `revenue`, `allocation-<i>`, `payoff-<i>`, `fairness`, `burned`, `to-committee`, `rebate`… */
  readonly measure: string;
  readonly simulated: number;
  readonly theory: number;
  /** Allowed |simulated − theory|: 4 standard errors + slack (+ known bias); see statistics.ts. */
  readonly tolerance: number;
  readonly pass: boolean;
}

/** Options of `validateMechanisms`. */
export interface ValidateMechanismsOptions {
  readonly masterSeed: number | string;
  /** Auctions per case, integer ≥ 2. */
  readonly rounds: number;
  /** Cases to run (default `defaultValidationCases`). */
  readonly cases?: readonly ValidationCase[];
}

/** Per-round observations of one case; `byMeasure` maps a measure name to one value per round. */
interface Samples {
  readonly byMeasure: Map<string, number[]>;
  /** Max over rounds of |toProposer + burned + toCommittee + rebate − Σ payments|. */
  conservationResidual: number;
}

function simulate(plan: CasePlan, rounds: number, source: Source): Samples {
  const byMeasure = new Map<string, number[]>();
  const record = (measure: string, x: number) => {
    const list = byMeasure.get(measure) ?? [];
    list.push(x);
    byMeasure.set(measure, list);
  };
  const samples: Samples = { byMeasure, conservationResidual: 0 };
  for (let r = 0; r < rounds; r += 1) {
    const bids: Bid[] = plan.drawBids(source).map((amount, i) => ({
      bidderId: `player-${i + 1}`,
      amount,
      timeMs: plan.bidTimesMs?.[i] ?? 0,
    }));
    const { allocation, payments } = runMechanism(plan.config, bids, source);
    const total = revenue(payments);
    record('revenue', total);
    plan.values.forEach((v, i) => {
      const won = allocation.winnerIndex === i ? 1 : 0;
      record(`allocation-${i + 1}`, won);
      record(`payoff-${i + 1}`, v * won * allocation.auctionedShare - payments.perBidder[i]!);
    });
    record('burned', payments.burned);
    record('to-committee', payments.toCommittee);
    record('rebate', payments.rebateToUser);
    const paidOut =
      payments.toProposer + payments.burned + payments.toCommittee + payments.rebateToUser;
    const residual = Math.abs(paidOut - total);
    samples.conservationResidual = Math.max(samples.conservationResidual, residual);
  }
  return samples;
}

function rowsFor(label: string, plan: CasePlan, samples: Samples): ValidationRow[] {
  const mechanism = plan.config.name;
  const row = (measure: string, simulated: number, theory: number, tol: number): ValidationRow => {
    const pass = judge(simulated, theory, tol);
    return { case: label, mechanism, measure, simulated, theory, tolerance: tol, pass };
  };
  const meanRow = (measure: string, theory: number, theorySd = 0, bias = 0): ValidationRow => {
    const values = samples.byMeasure.get(measure)!;
    const { mean, standardError } = meanAndStandardError(values, theorySd);
    return row(measure, mean, theory, meanTolerance(standardError, theory, bias));
  };
  const eq = plan.theory.equilibrium;
  const rows = [meanRow('revenue', eq.revenue, 0, plan.revenueBiasBound)];
  eq.winProbabilities.forEach((x, i) => {
    rows.push(meanRow(`allocation-${i + 1}`, x, bernoulliSd(x)));
  });
  eq.payoffs.forEach((u, i) => {
    rows.push(meanRow(`payoff-${i + 1}`, u, 0, plan.revenueBiasBound));
  });
  if (plan.values.length === 2) {
    const [x1, x2] = eq.winProbabilities as [number, number];
    const f1 = meanAndStandardError(samples.byMeasure.get('allocation-1')!, bernoulliSd(x1));
    const f2 = meanAndStandardError(samples.byMeasure.get('allocation-2')!, bernoulliSd(x2));
    const simulated = fairness(f1.mean, f2.mean);
    rows.push(row('fairness', simulated, fairness(x1, x2), fairnessTolerance(f1, f2)));
  }
  const { floor, rebate } = plan.theory;
  if (floor !== undefined) rows.push(meanRow(floor.measure, floor.mean, Math.sqrt(floor.variance)));
  if (rebate !== undefined) rows.push(meanRow('rebate', rebate));
  const slack = FLOATING_POINT_SLACK * Math.max(1, eq.revenue);
  rows.push(row('conservation-residual', samples.conservationResidual, 0, slack));
  return rows;
}

/** Labels of the cases: the given label, else the mechanism name, suffixed `#k` on repeats. */
export function caseLabels(cases: readonly ValidationCase[]): string[] {
  const seen = new Map<string, number>();
  return cases.map((c) => {
    const base = c.label ?? c.mechanism;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}#${count}`;
  });
}

/**
 * Simulation meets theory: for each case, runs `rounds` auctions through the registered mechanism
 * (`runMechanism`) with fixed complete-information values and equilibrium play — Tullock and
 * execution tickets: the pure equilibrium bids; first-price, mev-burn/smoothing and first-price
 * OFA: the outcome bids (v(2) + ε for the top value, own values otherwise); second-price and the
 * default OFA: truthful bids; all-pay: fresh draws from the Baye–Kovenock–de Vries mixed
 * equilibrium each round — and compares per-round means with the closed forms. Randomness comes
 * only from `createStream(masterSeed, 'validate/<label>')`, one stream per case, so a run is
 * reproducible and adding a case does not shift the others' draws.
 */
export function validateMechanisms(options: ValidateMechanismsOptions): ValidationRow[] {
  const { masterSeed, rounds } = options;
  if (!Number.isInteger(rounds) || rounds < 2) {
    throw new RangeError(`rounds must be an integer >= 2, got ${rounds}`);
  }
  const cases = options.cases ?? defaultValidationCases;
  const labels = caseLabels(cases);
  return cases.flatMap((c, k) => {
    const plan = planCase(c);
    const source = createStream(masterSeed, `validate/${labels[k]}`).next;
    return rowsFor(labels[k]!, plan, simulate(plan, rounds, source));
  });
}
