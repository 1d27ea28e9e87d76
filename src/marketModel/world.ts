import { createRestakingState } from './restaking.js';
import { initialCapitalOn, initialHolding } from './capital.js';
import { createExpectation } from './expectation.js';
import type { MarketConfig } from '../config/schema.js';
import { createBidderRecord } from '../agents/bidding/bidderRecord.js';
import { choiceArms } from '../agents/bidding/choices.js';
import { searcherKind } from '../agents/searchers/registry.js';
import { createPool } from '../market/amm/index.js';
import type { Balances } from '../market/orders/types.js';
import type { MarketState, WorldState } from './types.js';
import { createStakingState, validatorStakes } from './staking.js';

/** The world with `restaking` when the config restakes (measured on the validators' stakes at slot 0, delegations included), else as it is. */
function withRestaking(world: WorldState): WorldState {
  const restaking = createRestakingState(world.config, validatorStakes(world));
  return restaking ? { ...world, restaking } : world;
}

export const zeroBalances = (): Balances => ({ X: 0, Y: 0 });

/** The world at slot 0, built from a resolved config. */
export function createWorld(config: MarketConfig): WorldState {
  const rollups = config.rollups.map((r, index) => {
    const pool = createPool(r.pool.reserveX, r.pool.reserveY, r.pool.fee);
    return {
      id: r.id,
      index,
      gasToken: r.gasToken,
      pool,
      pending: [],
      baseFeePerByte: r.feeModel.initialBaseFeePerByte,
      treasury: zeroBalances(),
      users: zeroBalances(),
      burned: zeroBalances(),
      committee: zeroBalances(),
      initialSupply: { X: pool.reserveX + initialCapitalOn(config, r.id, 'X'), Y: pool.reserveY + initialCapitalOn(config, r.id, 'Y') },
      ...(r.ordering === 'timeboost' ? { expressLane: { rounds: [], expectedValueY: config.searchers.map(() => 0), observedSlots: 0 } } : {}),
    };
  });
  const rollupIndex = new Map(rollups.map((r) => [r.id, r.index]));
  return withRestaking({
    config,
    refPriceYPerX: config.reference.initialPriceYPerX,
    rollups,
    searchers: config.searchers.map((s, index) => ({
      id: s.id,
      index,
      rollups: searcherKind(s.kind).rollupsOf(s as never).map((id) => rollupIndex.get(id)!),
      onchain: rollups.map((r) => initialHolding(s, r.id)),
      cex: zeroBalances(),
      record: { wins: 0, paidY: 0, wonValueY: 0, legFailureLossY: 0 },
      openLegs: [],
      bidding: createBidderRecord(s.strategy, 0, s.choices ? { learner: s.choices.learner, arms: choiceArms(s.choices).length } : undefined),
    })),
    proposer: { holdings: rollups.map(zeroBalances) },
    builders: config.builders.map((b, index) => ({ id: b.id, index, wins: 0, receivedY: 0, paidY: 0, holdings: rollups.map(zeroBalances), bidding: createBidderRecord(b.strategy, config.builders.length), expectation: createExpectation(rollups.length), resaleY: 0 })),
    validatorRevenueY: config.validators.map(() => 0),
    governance: {
      member: rollups.map(() => config.sequencing.mode === 'shared'),
      badEpochs: rollups.map(() => 0),
      receivedY: rollups.map(() => 0),
      alternativeY: rollups.map(() => 0),
      departures: rollups.map(() => 0),
      returns: rollups.map(() => 0),
    },
    tickets: { ledgers: {}, totals: { ticketsBought: 0, ticketsRedeemed: 0, proceedsY: 0, blockValueY: 0, slotsHeld: 0, slotsWithoutHolder: 0, redraws: 0, resales: 0, resalePriceY: 0 } },
    nextUserId: 0,
    nextGroupId: 0,
    aheadSales: [],
    ...(config.staking ? { staking: createStakingState(config, config.staking) } : {}),
  });
}

/** A deep copy of the world's persistent state (everything but the config), for a checkpoint. */
export function persistentState(world: WorldState): MarketState {
  const { config: _config, ...state } = world;
  return structuredClone(state);
}

/** The world of `config` continued from a saved persistent state. */
export function restoreWorld(config: MarketConfig, state: MarketState): WorldState {
  return { config, ...structuredClone(state) };
}

/**
 * `b[token] += amount` and `b[token] -= amount` with the token's field named: a keyed store whose
 * key alternates between 'X' and 'Y' goes megamorphic in V8 (about 3× slower), and these run for
 * every swap and payment.
 */
export function credit(b: Balances, token: 'X' | 'Y', amount: number): void {
  if (token === 'X') b.X += amount;
  else b.Y += amount;
}

/** `b[token] -= amount` with the token's field named (see {@link credit}). */
export function debit(b: Balances, token: 'X' | 'Y', amount: number): void {
  if (token === 'X') b.X -= amount;
  else b.Y -= amount;
}

/** Value in Y of an amount of `token` at the price `priceYPerX`. */
export function valueY(token: 'X' | 'Y', amount: number, priceYPerX: number): number {
  return token === 'X' ? amount * priceYPerX : amount;
}
