import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, VEGA_LITE_SCHEMA, type TopLevelSpec } from './common.js';

/** One epoch of summary.json's `staking.epochs[]`, the fields the chart reads. */
export interface StakeEpochRow {
  readonly epoch: number;
  readonly pool_shares: readonly number[];
  readonly pool_hhi: number;
}

/** The epochs of a market summary's `staking` block, and its pool ids; null when the run had no staking. */
export function stakeEpochsFromSummary(summary: Record<string, unknown>): { pools: string[]; epochs: StakeEpochRow[] } | null {
  const staking = summary['staking'] as { pools?: { pool: string }[]; epochs?: StakeEpochRow[] } | null | undefined;
  if (!staking?.epochs || staking.epochs.length === 0 || !staking.pools) return null;
  return { pools: staking.pools.map((p) => p.pool), epochs: staking.epochs };
}

/**
 * Stacked areas of each pool's stake share per epoch, with the pools' HHI as a line on top (what
 * delegators chasing MEV do to concentration). Shares of a pool absent from a row count as 0.
 */
export function stakeSharesSpec(pools: readonly string[], epochs: readonly StakeEpochRow[]): TopLevelSpec {
  const shares = epochs.flatMap((e) => pools.map((pool, p) => ({ epoch: e.epoch, pool, share: e.pool_shares[p] ?? 0 })));
  const hhi = epochs.map((e) => ({ epoch: e.epoch, hhi: e.pool_hhi }));
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: 'Stake by pool', subtitle: ["Each pool's share of the stake per epoch (areas) and the pools' HHI Σ sᵢ² (line)."] },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    config: CHART_CONFIG,
    layer: [
      {
        data: { values: shares },
        mark: { type: 'area' },
        encoding: {
          x: { field: 'epoch', type: 'quantitative', title: 'epoch' },
          y: { field: 'share', type: 'quantitative', stack: 'zero', title: 'stake share', scale: { domain: [0, 1] } },
          color: { field: 'pool', type: 'nominal', sort: [...pools], title: 'pool' },
        },
      },
      {
        data: { values: hhi },
        mark: { type: 'line', color: 'black', strokeDash: [4, 2] },
        encoding: { x: { field: 'epoch', type: 'quantitative' }, y: { field: 'hhi', type: 'quantitative' } },
      },
    ],
  };
}
