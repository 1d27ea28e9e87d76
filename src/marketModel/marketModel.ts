import type { MarketConfig } from '../config/schema.js';
import { EventBus } from '../engine/eventBus.js';
import { RandomStreams } from '../engine/randomStreams.js';
import type { SlotContext, Simulation } from '../engine/simulation.js';
import { admitArrivals, drawArrivals } from './phases/arrivals.js';
import { runAuctions } from './phases/auction.js';
import { buildCandidates } from './phases/build.js';
import { runCounterfactuals } from './phases/counterfactual.js';
import { executeSlot } from './phases/execute.js';
import { referencePriceStep } from './phases/exogenous.js';
import { governanceHook } from './phases/governance.js';
import { delegationHook } from './phases/delegation.js';
import { accrueStaking } from './staking.js';
import { learnFromSlot } from './phases/learn.js';
import { searchBundles } from './phases/search.js';
import { settleSlot, slotPayments } from './phases/settle.js';
import { shareRevenue } from './phases/share.js';
import { createRuntime, type ModelRuntime } from './runtime.js';
import type { SlotOutcome } from './slot.js';
import { slotDriftsInto, slotRecorder, type SlotEvent, type SlotFrame } from './slotRecord.js';
import { tableColumns } from './columns.js';
import { bookSales } from './aheadOfTime.js';
import { commitDeadline } from './commitDeadline.js';
import type { Balances } from '../market/orders/types.js';
import type { WorldState } from './types.js';
import { createWorld } from './world.js';
import { expressLaneAuctions } from './timeboost.js';
import { restakingHook } from './restaking.js';

/** A market simulation ready to step, with its bus and runtime. */
export interface MarketSimulation {
  readonly sim: Simulation<WorldState>;
  readonly world: WorldState;
  readonly runtime: ModelRuntime;
  /** Slot events ({@link SlotEvent}), built only while someone subscribes to them. */
  readonly bus: EventBus<SlotEvent>;
  /**
   * Calls `handler` with each slot's frame as the slot ends, before its event goes onto the bus (the
   * summary's input: no event is built for it). The frame is valid during the call only.
   */
  observeSlots(handler: (frame: SlotFrame) => void): void;
}

/** One slot of the market: what each phase decided and what the apply steps did. */
export type MarketSlotStep = (world: WorldState, ctx: SlotContext) => SlotOutcome;

/**
 * The slot of DESIGN.md §4 as one ordered list of phases. The deciding phases read the world and
 * return what they decided (on Timeboost rollups, the express-lane auction that closes this slot
 * among them); the apply steps — nature's price step and arrivals, then execute,
 * settle (and booking the blocks sold ahead), share and learn (bidders' records and learners) — are
 * the only ones that change it. Bundles that arrive after the builders commit to the block (a
 * block auction's deadline) are left out of this slot's block. With no builders the build phase decides
 * nothing and the proposer sells positions to searchers directly.
 */
export function marketSlotStep(rt: ModelRuntime): MarketSlotStep {
  const [nextPrice, arrivals, search, build, auction, counterfactual, expressLaneAuction, execute, share] = [
    referencePriceStep(rt), drawArrivals(rt), searchBundles(rt), buildCandidates(rt),
    runAuctions(rt), runCounterfactuals(rt), expressLaneAuctions(rt), executeSlot(rt), shareRevenue(rt),
  ];
  const payments = slotPayments();
  return (world, ctx) => {
    world.refPriceYPerX = nextPrice(world, ctx);
    const arrived = arrivals(world, ctx);
    admitArrivals(world, arrived);
    const found = search(world, ctx);
    world.nextGroupId = found.nextGroupId;
    const { onTime, late } = commitDeadline(world, ctx, found.bundles);
    const candidates = build(world, onTime, found.arms);
    const sold = auction(world, onTime, candidates, ctx.slot, late);
    const cf = counterfactual(world, onTime, candidates);
    const expressLane = expressLaneAuction(world, ctx);
    const execution = execute(world, onTime, sold, ctx);
    const settlement = settleSlot(world, sold, execution, expressLane, ctx.startMs, payments(world));
    bookSales(world, ctx.slot, sold.sales);
    accrueStaking(world, sold.blocks);
    const shares = share(world, { auction: sold, counterfactual: cf, execution, settlement });
    learnFromSlot(world, { slot: ctx.slot, search: found, onTime, candidates, auction: sold, execution });
    return { arrivals: arrived, search: found, candidates, auction: sold, counterfactual: cf, expressLane, execution, settlement, share: shares };
  };
}

/**
 * Wires the world, the random streams and the slot step into the engine; each slot's record goes
 * onto the bus before the epoch hooks (governance) run.
 */
export function buildMarketSimulation(config: MarketConfig, streams = new RandomStreams(config.seed), world = createWorld(config)): MarketSimulation & { lastOutcome(): SlotOutcome | null } {
  const runtime = createRuntime(streams);
  const bus = new EventBus<SlotEvent>();
  const step = marketSlotStep(runtime);
  const record = slotRecorder(tableColumns(config.searchers.map((s) => s.kind)));
  let last: SlotOutcome | null = null;
  const observers: ((frame: SlotFrame) => void)[] = [];
  // One frame for the run, refilled every slot: a frame is valid during the call only (SlotFrame).
  const drifts: Balances[] = [];
  const frame: { -readonly [K in keyof SlotFrame]: SlotFrame[K] } = { slot: 0, endMs: 0, world, out: null as unknown as SlotOutcome, drifts };
  const sim: Simulation<WorldState> = {
    clock: config.clock,
    state: world,
    step(w, ctx) {
      last = step(w, ctx);
      if (observers.length > 0) {
        frame.slot = ctx.slot;
        frame.endMs = ctx.endMs;
        frame.world = w;
        frame.out = last;
        slotDriftsInto(w, drifts);
        for (const o of observers) o(frame);
      }
      // The record is built for subscribers only (a run without any pays nothing for it).
      if (bus.observed('slot')) bus.emit(record(w, last, ctx.slot, ctx.endMs));
    },
    // Restaking pays and measures the epoch on the stakes it had, before delegators move them.
    epochHooks: [governanceHook(), restakingHook(), delegationHook(runtime)],
  };
  return { sim, world, runtime, bus, observeSlots: (h) => void observers.push(h), lastOutcome: () => last };
}
