import type { Distributions } from '../../engine/distributions.js';
import type { SlotContext } from '../../engine/simulation.js';
import { otherToken } from '../../market/amm/otherToken.js';
import type { SwapResult } from '../../market/amm/types.js';
import { optimalArbQuote } from '../../market/arbitrage/index.js';
import type { Allocated, Bundle, UserSwap } from '../../market/orders/types.js';
import { trySwapExactIn } from '../feasibleSwap.js';
import { slotTallies, tableColumns, type Tally } from '../columns.js';
import { bookSearcherSwap, chargeDataFee, executeLegs, type BlockExecution } from '../executeBundle.js';
import { executionPlanner, itemTimeMs, placingOf, type PlanItem, type Placing } from '../executionPlan.js';
import { inclusionFailure } from '../inclusion.js';
import { settleLegRisk, unwindOpenLegs } from '../legRisk.js';
import { sameSequencer } from '../membership.js';
import type { ModelRuntime } from '../runtime.js';
import type { AuctionOutcome, ExecutionOutcome, TraceEntry } from '../slot.js';
import type { RollupState, WorldState } from '../types.js';
import { credit, debit, valueY } from '../world.js';
import { commitCutoffMs } from '../commitDeadline.js';
import { expressLaneController } from '../timeboost.js';

/**
 * Applies one user swap if it meets the user's minimum output: the users' account on the rollup pays
 * the input and the data fee and receives the output.
 */
export function executeUser(x: BlockExecution, rollup: RollupState, tx: UserSwap): boolean {
  const stats = x.tally[rollup.index]!;
  const p = x.world.refPriceYPerX;
  stats.userCount++;
  if (tx.viaOfa === true) stats.ofaUsers++;
  const res = trySwapExactIn(rollup.pool, tx.tokenIn, tx.amountIn);
  if (!res || res.amountOut < tx.minAmountOut) {
    stats.userFailed++;
    return false;
  }
  rollup.pool = res.pool;
  debit(rollup.users, tx.tokenIn, tx.amountIn);
  credit(rollup.users, otherToken(tx.tokenIn), res.amountOut);
  const feeGas = chargeDataFee(x, rollup.index, rollup.users);
  const inY = valueY(tx.tokenIn, tx.amountIn, p);
  stats.userVolumeY += inY;
  // Surplus against the reference price: what the user got, minus what it gave and the fee, in Y.
  stats.userSurplusY += valueY(otherToken(tx.tokenIn), res.amountOut, p) - inY - valueY(rollup.gasToken, feeGas, p);
  return true;
}

/** A won backrun sizes its trade on the pool it meets: the optimal trade back to the reference. */
function executeBackrun(x: BlockExecution, rollup: RollupState, won: Allocated): boolean {
  const trade = optimalArbQuote(rollup.pool, x.world.refPriceYPerX);
  if (trade.tokenIn === null || trade.profitY <= 0) return false; // reverts: nothing left to take
  const leg = { rollup: rollup.index, tokenIn: trade.tokenIn, amountIn: trade.amountIn, minAmountOut: trade.amountOut };
  const res = trySwapExactIn(rollup.pool, leg.tokenIn, leg.amountIn);
  if (!res) return false;
  rollup.pool = res.pool;
  bookSearcherSwap(x, won.bundle, leg, res);
  return true;
}

/** A sandwich's back-run sells everything its front-run bought (if the pool can take it). */
function executeSandwichBack(x: BlockExecution, won: Allocated, frontOut: number): boolean {
  const front = won.bundle.legs[0]!;
  const rollup = x.world.rollups[front.rollup]!;
  const leg = { rollup: front.rollup, tokenIn: otherToken(front.tokenIn), amountIn: frontOut, minAmountOut: 0 };
  const res = trySwapExactIn(rollup.pool, leg.tokenIn, leg.amountIn);
  if (!res) return false;
  rollup.pool = res.pool;
  bookSearcherSwap(x, won.bundle, leg, res);
  return true;
}

/**
 * What the items of one slot share while they execute: one per run, its tallies zeroed at the start
 * of each slot. Per-slot marks are arrays indexed by the plan's `user` and `at` (PlanItem), holding
 * the `slot` stamp of the slot that set them: a new slot invalidates them all without a pass or the
 * new table a cleared Map or Set allocates.
 */
interface SlotExecution extends BlockExecution {
  tally: Tally<'execute'>[];
  controllers?: readonly (number | null)[];
  /** This slot's stamp: counts the slots this scratch has executed. */
  slot: number;
  /** By user index: the stamp of the slot in which the user's swap executed. */
  readonly userDone: number[];
  /** By allocation index: the stamp of the slot in which it executed (a sandwich: its front-run). */
  readonly wonDone: number[];
  /** By allocation index: an executed sandwich front-run's output, for its back-run. */
  readonly frontOut: number[];
  /** Each executed split leg's swap results (lone legs are unwound from these). */
  readonly legResults: Map<Allocated, SwapResult[]>;
  /** The slot's bundles that won but failed to land by an inclusion failure (null: none yet). */
  failedToLand: Set<Bundle> | null;
  /** Draws whether an included split leg still fails to land (its rollups on separate sequencers). */
  readonly legFails: (bundle: Bundle) => boolean;
  /** Draws whether an included cross-rollup bundle fails to land by its rollups' inclusion failures (inclusion.ts). */
  readonly inclusionFails: (bundle: Bundle) => boolean;
}

/** The execution scratch of a run on `world` (its draws: `legs`, and the stream `inclusion`). */
function slotExecution(rt: ModelRuntime, world: WorldState, legs: Distributions): SlotExecution {
  const inclusion = inclusionFailure(rt, world);
  const x: SlotExecution = {
    world,
    tally: [],
    controllers: undefined,
    slot: 0,
    userDone: [],
    wonDone: [],
    frontOut: [],
    legResults: new Map<Allocated, SwapResult[]>(),
    failedToLand: null,
    legFails: (b) => {
      const p = world.config.sequencing.legFailureProbability;
      return p > 0 && !sameSequencer(world, world.searchers[b.searcher]!.rollups) && legs.bernoulli(p);
    },
    inclusionFails: (b) => {
      const failed = inclusion(b, x.tally);
      if (failed) (x.failedToLand ??= new Set<Bundle>()).add(b);
      return failed;
    },
  };
  return x;
}

/** True when some rollup runs a Timeboost express lane (only then has any slot a controller). */
function anyExpressLane(world: WorldState): boolean {
  for (const r of world.rollups) if (r.expressLane) return true;
  return false;
}

/** Runs one plan item; returns whether it executed (and marks it so in `x`). */
function run(item: PlanItem, x: SlotExecution): boolean {
  const world = x.world;
  switch (item.kind) {
    case 'unwind':
      unwindOpenLegs(x, item.searcher);
      return true;
    case 'user': {
      const ok = executeUser(x, world.rollups[item.tx.rollup]!, item.tx);
      if (ok) x.userDone[item.user] = x.slot;
      return ok;
    }
    case 'bundle': {
      const bundle = item.won.bundle;
      const legFailed = bundle.group !== undefined && x.legFails(bundle);
      if (x.inclusionFails(bundle) || legFailed) return false; // both drawn: fixed draws per bundle
      const res = executeLegs(x, bundle);
      if (res === null) return false;
      if (bundle.group !== undefined) x.legResults.set(item.won, res); // only split legs can be left lone
      return wonBy(x, item.at);
    }
    case 'backrun':
      return x.userDone[item.user] === x.slot && executeBackrun(x, world.rollups[item.won.bundle.bidRollup]!, item.won) && wonBy(x, item.at);
    case 'sandwich-front': {
      const res = executeLegs(x, item.won.bundle);
      if (res === null) return false;
      x.frontOut[item.at] = res[0]!.amountOut;
      return wonBy(x, item.at);
    }
    case 'sandwich-back': {
      if (x.wonDone[item.at] !== x.slot) return false; // its front-run did not execute
      // A back-run the pool cannot take leaves the searcher holding what its front-run bought.
      if (!executeSandwichBack(x, item.won, x.frontOut[item.at]!)) return false;
      if (x.userDone[item.user] === x.slot) x.tally[item.won.bundle.bidRollup]!.sandwiches++;
      return true;
    }
  }
}

/** Marks allocation `at` executed this slot; true. */
function wonBy(x: SlotExecution, at: number): boolean {
  x.wonDone[at] = x.slot;
  return true;
}

/** The trace line of an executed item. */
function traceEntry(item: PlanItem, slotStartMs: number, place: Placing): TraceEntry {
  const timeMs = itemTimeMs(item, slotStartMs, place);
  switch (item.kind) {
    case 'unwind':
      return { rollup: -1, kind: 'unwind', timeMs, searcher: item.searcher };
    case 'user':
      return { rollup: item.tx.rollup, kind: 'user', timeMs, userId: item.tx.id };
    case 'bundle':
      return { rollup: item.won.bundle.bidRollup, kind: item.won.bundle.kind as 'cex-dex' | 'cross-rollup', timeMs, searcher: item.won.bundle.searcher };
    default:
      return { rollup: item.won.bundle.bidRollup, kind: item.kind, timeMs, userId: item.userId, searcher: item.won.bundle.searcher };
  }
}

/**
 * Phase 6 (apply): the slot's executions in the order each rollup's policy gives them (see
 * `executionPlan`): unwinds of lone legs, top-of-block bundles, users with their sandwiches and
 * backruns. Changes pools, inventories and treasuries; empties the mempools (but for swaps that
 * arrived after the block was committed to, which wait for the next). Returns the trace, the
 * allocations that executed (only they pay, at settlement) and the block's statistics. Under
 * `separate` sequencing each executed split leg still fails with `legFailureProbability`, and under
 * either mode a cross-rollup bundle fails to land by its rollups' `inclusionFailureProbability`
 * (inclusion.ts); lone legs are unwound where their searcher's `unwind` says (legRisk.ts).
 */
export function executeSlot(rt: ModelRuntime): (world: WorldState, bundles: readonly Bundle[], auction: AuctionOutcome, ctx: SlotContext) => ExecutionOutcome {
  let tallies: ((rollups: number) => Tally<'execute'>[]) | null = null; // the config (its columns) never changes: resolved once
  const legs = rt.dist('legs');
  const plan = executionPlanner();
  let x: SlotExecution | null = null;
  return (world, bundles, auction, ctx) => {
    if (x === null || x.world !== world) x = slotExecution(rt, world, legs);
    x.slot++;
    if (x.legResults.size > 0) x.legResults.clear(); // only when filled: clearing a Map allocates its table anew
    x.failedToLand = null;
    tallies ??= slotTallies('execute', tableColumns(world.config.searchers.map((s) => s.kind)));
    x.tally = tallies(world.rollups.length);
    x.controllers = anyExpressLane(world) ? world.rollups.map((r) => expressLaneController(world, r.index, ctx.startMs)) : undefined;
    const trace: TraceEntry[] = [];
    const cutoff = commitCutoffMs(world, ctx);
    const place = placingOf(world, ctx.startMs);
    for (const item of plan(world, auction.allocated, ctx.startMs, cutoff, place)) {
      if (run(item, x)) trace.push(traceEntry(item, ctx.startMs, place));
    }
    for (const r of world.rollups) {
      // Swaps that arrived after the block was committed to wait for the next one.
      r.pending = cutoff === Number.POSITIVE_INFINITY ? [] : r.pending.filter((tx) => tx.arrivalMs > cutoff);
      x.tally[r.index]!.lateUsers = r.pending.length;
    }
    const executedAllocations: Allocated[] = [];
    for (let at = 0; at < auction.allocated.length; at++) if (x.wonDone[at] === x.slot) executedAllocations.push(auction.allocated[at]!);
    settleLegRisk(x, bundles, executedAllocations, x.legResults);
    const out: { -readonly [K in keyof ExecutionOutcome]: ExecutionOutcome[K] } = { trace, executed: executedAllocations, tally: x.tally };
    if (x.failedToLand !== null) out.failedToLand = x.failedToLand;
    return out;
  };
}
