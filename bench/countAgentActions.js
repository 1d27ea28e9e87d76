// Counts the agent actions of a market run, from the run itself.
//
// DEFINITION. One "agent action" is one decision or state change made by one agent in a slot:
//   (a) a user arrival: a user swap drawn (direction, size, channel, arrival time), quoted on the
//       pool, then executed or reverted. Every arrival executes in its own slot, so this is the
//       slot event's `userCount`, summed over rollups;
//   (b) a searcher decision: every searcher reads its view once per slot and decides whether to
//       bid (searchers × slots), plus one per mempool candidate evaluated: each public pending user
//       swap on the rollup of a searcher that reads the mempool (backrunners, sandwichers), counted
//       by a read-only probe phase that runs just before `search` (it ignores the `encrypted` and
//       `fcfs` ordering rules that hide candidates; the baseline uses neither);
//   (c) a searcher swap executed: `arbCount + crossArbLegs + backruns + 2 × sandwiches` (a sandwich
//       is a front-run and a back-run swap), summed over rollups;
//   (d) a proposer auction: one per slot in which at least one bundle bid (`bidCount` > 0).
// Not counted: the reference-price step, settlement, the proposer's disposal sale and the EIP-1559
// base-fee update (market mechanics rather than agent actions). Counting fewer things makes the
// ns-per-action figure larger, never flattering.
import { runSlots } from '../dist/engine/simulation.js';
import { buildMarketSimulation } from '../dist/marketModel/marketModel.js';

/** Searcher kinds that evaluate every public pending swap on their rollup. */
const MEMPOOL_READERS = new Set(['backrun', 'sandwich']);

/** The definition above, one line per term, for the printed report. */
export const AGENT_ACTION_DEFINITION = [
  'user arrivals (drawn, quoted, executed or reverted; slot event userCount)',
  '+ searcher decisions: one per searcher per slot, plus one per mempool candidate evaluated (public pending swap on a backrunner\'s or sandwicher\'s rollup)',
  '+ searcher swaps executed (arbCount + crossArbLegs + backruns + 2 × sandwiches)',
  '+ proposer auctions (slots with at least one bid)',
];

/**
 * Runs `config` (all of its slots) through the model, reading each slot's outcome, and sums the
 * agent actions defined above. Deterministic: the same config and
 * seed give the same trajectory as `runSimulation(config)`, so the counts apply to timed runs.
 */
export function countAgentActions(config) {
  const { sim, world, bus, lastOutcome } = buildMarketSimulation(config);
  const c = { slots: 0, userArrivals: 0, searcherSlotDecisions: 0, mempoolCandidates: 0, searcherSwaps: 0, auctions: 0 };
  const mempoolReaders = world.searchers.filter((s) => MEMPOOL_READERS.has(config.searchers[s.index].kind));
  bus.on('slot', (e) => {
    // The mempool a reader evaluated at search: its rollup's public swaps that arrived this slot
    // (the mempool is emptied by every block).
    const arrivals = lastOutcome().arrivals;
    for (const s of mempoolReaders) for (const tx of arrivals[s.rollups[0]]) if (!tx.isPrivate) c.mempoolCandidates++;
    c.slots++;
    c.searcherSlotDecisions += world.searchers.length;
    let bids = 0;
    for (const r of e.rollups) {
      c.userArrivals += r.userCount;
      c.searcherSwaps += r.arbCount + r.crossArbLegs + r.backruns + 2 * (r.sandwiches ?? 0);
      bids += r.bidCount;
    }
    if (bids > 0) c.auctions++;
  });
  runSlots(sim, 0, config.slots);
  bus.complete();
  const total = c.userArrivals + c.searcherSlotDecisions + c.mempoolCandidates + c.searcherSwaps + c.auctions;
  return { ...c, total };
}
