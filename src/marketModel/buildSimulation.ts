import type { MarketConfig } from '../config/schema.js';
import { EventBus } from '../engine/eventBus.js';
import { RandomStreams } from '../engine/randomStreams.js';
import { createSimulation, type Simulation } from '../engine/simulation.js';
import { arrivalsPhase } from './phases/arrivals.js';
import { auctionPhase } from './phases/auction.js';
import { buildPhase } from './phases/build.js';
import { counterfactualPhase } from './phases/counterfactual.js';
import { executePhase } from './phases/execute.js';
import { exogenousPhase } from './phases/exogenous.js';
import { recordPhase } from './phases/record.js';
import { searchPhase } from './phases/search.js';
import { settlePhase } from './phases/settle.js';
import { sharePhase } from './phases/share.js';
import { governanceHook } from './phases/governance.js';
import { createRuntime, type ModelRuntime } from './runtime.js';
import type { SlotEvent } from './slotRecord.js';
import type { WorldState } from './types.js';
import { createWorld } from './world.js';

/** A market simulation ready to step, with its bus and runtime. */
export interface MarketSimulation {
  readonly sim: Simulation<WorldState>;
  readonly world: WorldState;
  readonly runtime: ModelRuntime;
  readonly bus: EventBus<SlotEvent>;
}

/**
 * Wires the world, the random streams and the slot's phases (DESIGN.md §4) into the engine.
 * With no builders configured the `build` phase does nothing and the proposer sells positions to
 * searchers directly.
 */
export function buildMarketSimulation(config: MarketConfig, streams = new RandomStreams(config.seed)): MarketSimulation {
  const world = createWorld(config);
  const runtime = createRuntime(world, streams);
  const bus = new EventBus<SlotEvent>();
  const sim = createSimulation<WorldState>({
    clock: config.clock,
    state: world,
    phases: [
      exogenousPhase(runtime),
      arrivalsPhase(runtime),
      searchPhase(runtime),
      buildPhase(runtime),
      auctionPhase(runtime),
      counterfactualPhase(runtime),
      executePhase(runtime),
      settlePhase(),
      sharePhase(runtime),
      recordPhase(bus),
    ],
    epochHooks: [governanceHook()],
  });
  return { sim, world, runtime, bus };
}
