import type { RestakingConfig } from '../config/restakingSchema.js';
import type { EpochHook } from '../engine/simulation.js';
import { securityReport, type RestakingNetwork } from '../market/restaking/index.js';
import type { MarketConfig } from '../config/schema.js';
import type { WorldState } from './types.js';

/*
 * Restaking for the shared sequencer (config `restaking`; issue 19 item 3). Pure functions build
 * the restaking network of an epoch and measure it; the epoch hook at the bottom applies them.
 */

/** What the last completed epoch showed (the run's first epoch shows the state at slot 0). */
export interface RestakingReport {
  /** Epochs completed when it was measured. */
  readonly epoch: number;
  /** The epoch's proposer revenue (Σ validators' revenue), Y. */
  readonly revenueY: number;
  /** What a coalition controlling the sequencer gains: valueAtRiskY + revenueEpochs × revenueY, Y. */
  readonly profitFromCorruptionY: number;
  /** Stake at risk of the cheapest coalition that controls the sequencer, Y. */
  readonly costOfCorruptionY: number;
  /** min over attacks on the sequencer and the other services of cost − profit, Y (> 0: secure). */
  readonly marginY: number;
  /** min σ(A)/π(B) − 1 over attacks with profit (γ of Durvasula & Roughgarden); null when none has any. */
  readonly overcollateralization: number | null;
  readonly secure: boolean;
  /** Reward paid to the operators this epoch: revenueShare × revenueY, Y. */
  readonly rewardY: number;
}

/** Run state of restaking (`MarketState.restaking`, present iff the config has `restaking`). */
export interface RestakingState {
  /** Each validator's `validatorRevenueY` when the epoch began (after the last reward). */
  revenueAtEpochStartY: number[];
  report: RestakingReport;
  insecureEpochs: number;
  minMarginY: number;
  rewardsY: number;
  /** Σ over epochs of the profit from corruption measured at their end, Y. */
  profitFromCorruptionSumY: number;
}

/** Indices of the validators a list names (`"all"`: every one), in validator order. */
export function operatorIndices(config: MarketConfig, list: RestakingConfig['operators']): number[] {
  return config.validators.flatMap((v, i) => (list === 'all' || list.includes(v.id) ? [i] : []));
}

/** Stakes the shared sequencer's proposer is drawn by: opted-in operators keep theirs, others 0. */
export function sequencerStakes(config: MarketConfig, stakes: readonly number[]): number[] {
  const r = config.restaking;
  if (r === undefined) return [...stakes];
  const opted = new Set(operatorIndices(config, r.operators));
  return stakes.map((s, i) => (opted.has(i) ? s : 0));
}

/**
 * The epoch's restaking network: the operators (every validator that restakes to something) with
 * stake at risk slashFraction × stake × stakeValueY; service 0 the sequencer (profit from corruption
 * `pfcY`, threshold `restaking.threshold`), then `restaking.services`.
 */
export function restakingNetwork(config: MarketConfig, stakes: readonly number[], pfcY: number): { net: RestakingNetwork; operators: number[] } {
  const r = config.restaking!;
  const lists = [r.operators, ...r.services.map((s) => s.operators)].map((l) => new Set(operatorIndices(config, l)));
  const operators = config.validators.flatMap((_, v) => (lists.some((l) => l.has(v)) ? [v] : []));
  return {
    operators,
    net: {
      stakes: operators.map((v) => r.slashFraction * stakes[v]! * r.stakeValueY),
      services: [{ profit: pfcY, threshold: r.threshold }, ...r.services.map((s) => ({ profit: s.profitFromCorruptionY, threshold: s.threshold }))],
      restakedTo: operators.map((v) => lists.flatMap((l, s) => (l.has(v) ? [s] : []))),
    },
  };
}

/** Measures an epoch: its revenue → profit from corruption, and the network's exact security. */
export function measureRestaking(config: MarketConfig, stakes: readonly number[], epoch: number, revenueY: number): RestakingReport {
  const r = config.restaking!;
  const pfcY = r.valueAtRiskY + r.revenueEpochs * revenueY;
  const { net } = restakingNetwork(config, stakes, pfcY);
  const all = securityReport(net);
  const sequencerOnly = securityReport({ ...net, services: [net.services[0]!], restakedTo: net.restakedTo.map((e) => e.filter((s) => s === 0)) });
  return {
    epoch,
    revenueY,
    profitFromCorruptionY: pfcY,
    costOfCorruptionY: sequencerOnly.tightest?.cost ?? 0,
    marginY: all.margin,
    overcollateralization: Number.isFinite(all.overcollateralization) ? all.overcollateralization : null,
    secure: all.secure,
    rewardY: r.revenueShare * revenueY,
  };
}

/**
 * Moves `share` of each validator's epoch revenue (`epochY`) to the operators `opted`, in proportion
 * to their stake. The total is unchanged. Returns the new revenue per validator.
 */
export function payOperators(revenueY: readonly number[], epochY: readonly number[], share: number, stakes: readonly number[], opted: readonly number[]): number[] {
  const pot = share * epochY.reduce((a, y) => a + y, 0);
  const optedStake = opted.reduce((a, v) => a + stakes[v]!, 0);
  const out = revenueY.map((y, v) => y - share * epochY[v]!);
  if (optedStake > 0) for (const v of opted) out[v]! += (pot * stakes[v]!) / optedStake;
  return out;
}

/** The restaking state at slot 0: the network measured with no revenue yet. */
export function createRestakingState(config: MarketConfig): RestakingState | undefined {
  if (config.restaking === undefined) return undefined;
  const stakes = config.validators.map((v) => v.stake);
  const report = measureRestaking(config, stakes, 0, 0);
  return { revenueAtEpochStartY: config.validators.map(() => 0), report, insecureEpochs: 0, minMarginY: report.marginY, rewardsY: 0, profitFromCorruptionSumY: 0 };
}

/**
 * Epoch phase: pay the operators their share of the epoch's revenue, then measure the epoch (its
 * revenue → profit from corruption; the operators' stake → cost of corruption). The slots of the
 * next epoch carry the report.
 */
export function restakingHook(): EpochHook<WorldState> {
  return {
    name: 'restaking',
    run(world, epoch) {
      const r = world.config.restaking;
      const st = world.restaking;
      if (r === undefined || st === undefined) return;
      const stakes = world.config.validators.map((v) => v.stake);
      const epochY = world.validatorRevenueY.map((y, v) => y - st.revenueAtEpochStartY[v]!);
      const revenueY = epochY.reduce((a, y) => a + y, 0);
      const paid = payOperators(world.validatorRevenueY, epochY, r.revenueShare, stakes, operatorIndices(world.config, r.operators));
      paid.forEach((y, v) => (world.validatorRevenueY[v] = y));
      st.revenueAtEpochStartY = [...world.validatorRevenueY];
      st.report = measureRestaking(world.config, stakes, epoch + 1, revenueY);
      st.rewardsY += st.report.rewardY;
      st.profitFromCorruptionSumY += st.report.profitFromCorruptionY;
      if (!st.report.secure) st.insecureEpochs += 1;
      st.minMarginY = Math.min(st.minMarginY, st.report.marginY);
    },
  };
}
