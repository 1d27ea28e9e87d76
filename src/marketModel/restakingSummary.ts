import { restakingNetwork } from './restaking.js';
import { validatorStakes } from './staking.js';
import type { RestakingSummary } from './summaryTypes.js';
import type { WorldState } from './types.js';

/** Restaking over the run (null without `restaking`). */
export function restakingSummary(world: WorldState): RestakingSummary | null {
  const st = world.restaking;
  if (st === undefined || world.config.restaking === undefined) return null;
  const stakes = validatorStakes(world);
  const { net } = restakingNetwork(world.config, stakes, 0, st.optedIn);
  const r = st.report;
  return {
    epochs: r.epoch,
    insecure_epochs: st.insecureEpochs,
    min_margin_y: st.minMarginY,
    mean_profit_from_corruption_y: r.epoch > 0 ? st.profitFromCorruptionSumY / r.epoch : null,
    last_profit_from_corruption_y: r.profitFromCorruptionY,
    last_cost_of_corruption_y: r.costOfCorruptionY,
    last_margin_y: r.marginY,
    last_overcollateralization: r.overcollateralization,
    rewards_y: st.rewardsY,
    operator_stake_y: net.stakes.reduce((a, s) => a + s, 0),
    operators_in: st.optedIn.filter(Boolean).length,
    joins: st.joins,
    leaves: st.leaves,
  };
}
