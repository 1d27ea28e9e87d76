import type { RestakingConfig } from '../config/restakingSchema.js';
import type { EpochHook } from '../engine/simulation.js';
import { securityReport, type RestakingNetwork } from '../market/restaking/index.js';
import type { MarketConfig } from '../config/schema.js';
import { validatorStakes } from './staking.js';
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
  /** Reward paid to the operators this epoch: revenueShare × revenueY (0 when they hold no stake), Y. */
  readonly rewardY: number;
}

/** Run state of restaking (`MarketState.restaking`, present iff the config has `restaking`). */
export interface RestakingState {
  /** Per validator: restaked to the shared sequencer now (only `restaking.operators` can be). */
  optedIn: boolean[];
  /** Operators that joined and left over the run (`restaking.optIn`). */
  joins: number;
  leaves: number;
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

/**
 * Stakes the shared sequencer's proposer is drawn by: opted-in operators keep theirs, others 0 (all
 * keep theirs without restaking, or when the operators in hold no stake — delegations can drain an
 * operator's pool — so that a proposer can always be drawn by stake).
 */
export function sequencerStakes(optedIn: readonly boolean[] | undefined, stakes: readonly number[]): number[] {
  if (optedIn === undefined) return [...stakes];
  const opted = stakes.map((s, i) => (optedIn[i] ? s : 0));
  return opted.some((s) => s > 0) ? opted : [...stakes];
}

/**
 * Myopic opt-in (`restaking.optIn`): each candidate operator, in validator order, restakes when the
 * reward its stake would have earned last epoch — revenueShare × revenue × its share of the restaked
 * stake with it in — per unit of stake value reaches `requiredYieldPerEpoch`, and leaves when it does
 * not. When that leaves no stake in (someone must propose the super-block), the candidate with the
 * most stake (the first on ties) stays or comes back in. Pure: returns the new set.
 */
export function decideOptIn(optedIn: readonly boolean[], candidates: readonly number[], stakes: readonly number[], rewardY: number, stakeValueY: number, requiredYieldPerEpoch: number): boolean[] {
  const next = [...optedIn];
  let optedStake = stakes.reduce((a, s, v) => a + (next[v] ? s : 0), 0);
  for (const v of candidates) {
    const withMe = optedStake + (next[v] ? 0 : stakes[v]!);
    const yieldPerValue = withMe > 0 && stakeValueY > 0 ? rewardY / (withMe * stakeValueY) : 0;
    const wants = yieldPerValue >= requiredYieldPerEpoch;
    if (wants === next[v]) continue;
    next[v] = wants;
    optedStake += wants ? stakes[v]! : -stakes[v]!;
  }
  if (!(optedStake > 0) && candidates.length > 0) {
    const largest = candidates.reduce((best, v) => (stakes[v]! > stakes[best]! ? v : best), candidates[0]!);
    if (stakes[largest]! > 0) next[largest] = true;
  }
  return next;
}

/** Each service's operators (validator indices) as sets. Worked out per epoch, from the config as it is (a caller may edit it between runs). */
function serviceOperators(config: MarketConfig, r: RestakingConfig): readonly ReadonlySet<number>[] {
  return r.services.map((s) => new Set(operatorIndices(config, s.operators)));
}

/**
 * The epoch's restaking network: the operators (every validator that restakes to something) with
 * stake at risk slashFraction × stake × stakeValueY; service 0 the sequencer (profit from corruption
 * `pfcY`, threshold `restaking.threshold`), then `restaking.services`.
 */
export function restakingNetwork(config: MarketConfig, stakes: readonly number[], pfcY: number, optedIn: readonly boolean[]): { net: RestakingNetwork; operators: number[] } {
  const r = config.restaking!;
  const services = serviceOperators(config, r);
  const operators: number[] = [];
  const atRisk: number[] = [];
  const restakedTo: number[][] = [];
  for (let v = 0; v < config.validators.length; v++) {
    // Service 0 is the sequencer, restaked to by the operators opted in.
    const to = optedIn[v] ? [0] : [];
    for (let s = 0; s < services.length; s++) if (services[s]!.has(v)) to.push(s + 1);
    if (to.length === 0) continue;
    operators.push(v);
    atRisk.push(r.slashFraction * stakes[v]! * r.stakeValueY);
    restakedTo.push(to);
  }
  return {
    operators,
    net: {
      stakes: atRisk,
      services: [{ profit: pfcY, threshold: r.threshold }, ...r.services.map((s) => ({ profit: s.profitFromCorruptionY, threshold: s.threshold }))],
      restakedTo,
    },
  };
}

/** Measures an epoch: its revenue → profit from corruption, and the network's exact security. */
export function measureRestaking(config: MarketConfig, stakes: readonly number[], optedIn: readonly boolean[], epoch: number, revenueY: number, rewardY: number): RestakingReport {
  const r = config.restaking!;
  const pfcY = r.valueAtRiskY + r.revenueEpochs * revenueY;
  const { net } = restakingNetwork(config, stakes, pfcY, optedIn);
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
    rewardY,
  };
}

/**
 * Moves `share` of each validator's epoch revenue (`epochY`) to the operators `opted`, in proportion
 * to their stake. The total is unchanged; when the operators hold no stake nothing moves. Returns the
 * new revenue per validator.
 */
export function payOperators(revenueY: readonly number[], epochY: readonly number[], share: number, stakes: readonly number[], opted: readonly number[]): number[] {
  const pot = share * epochY.reduce((a, y) => a + y, 0);
  const optedStake = opted.reduce((a, v) => a + stakes[v]!, 0);
  if (!(optedStake > 0)) return [...revenueY]; // no operator holds stake: no one to pay, nothing taken
  const out = revenueY.map((y, v) => y - share * epochY[v]!);
  for (const v of opted) out[v]! += (pot * stakes[v]!) / optedStake;
  return out;
}

/** The restaking state at slot 0: the network measured with no revenue yet. */
export function createRestakingState(config: MarketConfig, stakes: readonly number[]): RestakingState | undefined {
  if (config.restaking === undefined) return undefined;
  const candidates = new Set(operatorIndices(config, config.restaking.operators));
  const optedIn = config.validators.map((_, v) => candidates.has(v));
  const report = measureRestaking(config, stakes, optedIn, 0, 0, 0);
  return { optedIn, joins: 0, leaves: 0, revenueAtEpochStartY: config.validators.map(() => 0), report, insecureEpochs: 0, minMarginY: report.marginY, rewardsY: 0, profitFromCorruptionSumY: 0 };
}

/**
 * Epoch phase: pay the opted-in operators their share of the epoch's revenue; with `optIn`, let the
 * candidates join or leave on that reward; then measure the epoch (its revenue → profit from
 * corruption; the operators' stake → cost of corruption). The slots of the next epoch carry the
 * report and are proposed by the operators in.
 */
export function restakingHook(): EpochHook<WorldState> {
  return {
    name: 'restaking',
    run(world, epoch) {
      const r = world.config.restaking;
      const st = world.restaking;
      if (r === undefined || st === undefined) return;
      const stakes = validatorStakes(world);
      const epochY = world.validatorRevenueY.map((y, v) => y - st.revenueAtEpochStartY[v]!);
      const revenueY = epochY.reduce((a, y) => a + y, 0);
      const opted = st.optedIn.flatMap((o, v) => (o ? [v] : []));
      const rewardY = opted.some((v) => stakes[v]! > 0) ? r.revenueShare * revenueY : 0; // what payOperators moves
      const paid = payOperators(world.validatorRevenueY, epochY, r.revenueShare, stakes, opted);
      paid.forEach((y, v) => {
        // Stake pools credit each slot's growth of validatorRevenueY as MEV: the reward is not MEV.
        if (world.staking) world.staking.seenRevenueY[v]! += y - world.validatorRevenueY[v]!;
        world.validatorRevenueY[v] = y;
      });
      st.revenueAtEpochStartY = [...world.validatorRevenueY];
      if (r.optIn !== undefined) {
        const next = decideOptIn(st.optedIn, operatorIndices(world.config, r.operators), stakes, r.revenueShare * revenueY, r.stakeValueY, r.optIn.requiredYieldPerEpoch);
        next.forEach((o, v) => {
          if (o && !st.optedIn[v]) st.joins += 1;
          if (!o && st.optedIn[v]) st.leaves += 1;
        });
        st.optedIn = next;
      }
      st.report = measureRestaking(world.config, stakes, st.optedIn, epoch + 1, revenueY, rewardY);
      st.rewardsY += st.report.rewardY;
      st.profitFromCorruptionSumY += st.report.profitFromCorruptionY;
      if (!st.report.secure) st.insecureEpochs += 1;
      st.minMarginY = Math.min(st.minMarginY, st.report.marginY);
    },
  };
}
