import type { MarketConfig } from '../config/schema.js';
import { createPool } from '../market/amm/index.js';
import type { RollupSlotStats, WorldState } from './types.js';
import type { Balances } from '../market/orders/types.js';

export const zeroBalances = (): Balances => ({ X: 0, Y: 0 });

export function emptyStats(): RollupSlotStats {
  return {
    userCount: 0,
    userFailed: 0,
    userVolumeY: 0,
    userSurplusY: 0,
    arbCount: 0,
    arbVolumeY: 0,
    arbProfitY: 0,
    bidCount: 0,
    winningBidGas: 0,
    winningBidY: 0,
    bidPurchaseGas: 0,
    disposalSoldGas: 0,
    crossArbLegs: 0,
    crossArbProfitY: 0,
    backruns: 0,
    backrunProfitY: 0,
    legFailures: 0,
    legFailureLossY: 0,
    sandwiches: 0,
    sandwichProfitY: 0,
    proposerRevenueY: 0,
    burnedY: 0,
    standaloneValueY: 0,
    coalitionValueY: 0,
    sharingSurplusY: 0,
    revenueShareY: 0,
    hiddenY: 0,
    recoveredY: 0,
    alternativeY: 0,
    ownSequencerCostY: 0,
    trueRevenueY: 0,
    reportedRevenueY: 0,
    settledRevenueY: 0,
    lied: false,
    flagPublicBids: false,
    flagCommittee: false,
    flagAudit: false,
    publicBoundY: 0,
    committeeFloorY: 0,
    slashedY: 0,
    fromBondY: 0,
    overpaidY: 0,
    feesGas: 0,
    bytesUsed: 0,
    baseFeePerByte: 0,
  };
}

/** The world at slot 0, built from a resolved config. */
export function createWorld(config: MarketConfig): WorldState {
  const rollups = config.rollups.map((r, index) => ({
    id: r.id,
    index,
    gasToken: r.gasToken,
    pool: createPool(r.pool.reserveX, r.pool.reserveY, r.pool.fee),
    pending: [],
    baseFeePerByte: r.feeModel.initialBaseFeePerByte,
    treasury: zeroBalances(),
  }));
  const rollupIndex = new Map(rollups.map((r) => [r.id, r.index]));
  return {
    config,
    refPriceYPerX: config.reference.initialPriceYPerX,
    rollups,
    searchers: config.searchers.map((s, index) => ({
      id: s.id,
      index,
      config: s,
      rollups: (s.kind === 'cross-rollup' ? s.rollups : [s.rollup]).map((id) => rollupIndex.get(id)!),
      onchain: rollups.map(zeroBalances),
      cex: zeroBalances(),
      record: { wins: 0, paidY: 0, wonValueY: 0, legFailureLossY: 0 },
      openLegs: [],
    })),
    proposer: { holdings: rollups.map(zeroBalances) },
    bundles: [],
    allocated: [],
    nextGroupId: 0,
    builders: config.builders.map((b, index) => ({ id: b.id, index, wins: 0, receivedY: 0, paidY: 0 })),
    proposers: rollups.map(() => 0),
    validatorRevenueY: config.validators.map(() => 0),
    trace: [],
    candidates: [],
    coalitionValues: new Map(),
    splitShares: null,
    wouldBe: rollups.map(() => null),
    governance: {
      member: rollups.map(() => config.sequencing.mode === 'shared'),
      badEpochs: rollups.map(() => 0),
      receivedY: rollups.map(() => 0),
      alternativeY: rollups.map(() => 0),
      departures: rollups.map(() => 0),
      returns: rollups.map(() => 0),
    },
    blocks: [],
    stats: rollups.map(emptyStats),
    nextUserId: 0,
  };
}

/** Value in Y of an amount of `token` at the price `priceYPerX`. */
export function valueY(token: 'X' | 'Y', amount: number, priceYPerX: number): number {
  return token === 'X' ? amount * priceYPerX : amount;
}
