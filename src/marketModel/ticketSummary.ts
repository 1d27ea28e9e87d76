import { concentration } from '../market/metrics/concentration.js';
import { ratioOrNull } from './ratioOrNull.js';
import type { TicketSummary } from './summaryTypes.js';
import { ticketMechanism } from './tickets.js';
import type { WorldState } from './types.js';

/**
 * The execution-ticket market over the run (null under other mechanisms): MEV capture and
 * concentration as Burian, Crapis & Saleh 2024 ("MEV capture and decentralization in execution
 * tickets", arXiv:2408.11255) measure them — capture, the protocol's ticket revenue over the MEV of
 * the blocks (here Σ ticket proceeds burned ÷ Σ realised value of the blocks built, each less its
 * builder's cost), and how concentrated the slots are among builders.
 */
export function ticketSummary(world: WorldState): TicketSummary | null {
  if (!ticketMechanism(world)) return null;
  const t = world.tickets.totals;
  const built = world.builders.map((b) => b.wins);
  const total = built.reduce((a, w) => a + w, 0);
  return {
    tickets_bought: t.ticketsBought,
    tickets_redeemed: t.ticketsRedeemed,
    tickets_outstanding: Object.values(world.tickets.ledgers).reduce((a, l) => a + l.tickets.reduce((x, y) => x + y, 0), 0),
    proceeds_burned_y: t.proceedsY,
    block_value_y: t.blockValueY,
    capture: ratioOrNull(t.proceedsY, t.blockValueY),
    redeemed_capture: ratioOrNull(t.slotsHeld * ticketMechanism(world)!.ticketPrice, t.blockValueY),
    slots_held: t.slotsHeld,
    slots_without_holder: t.slotsWithoutHolder,
    redraws: t.redraws,
    resales: t.resales,
    resale_share: t.slotsHeld > 0 ? t.resales / t.slotsHeld : 0,
    resale_price_y: t.resalePriceY,
    hhi: concentration(built).hhi,
    top_builder_share: total > 0 ? Math.max(...built) / total : 0,
  };
}
