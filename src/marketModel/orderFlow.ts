import type { Source } from '../engine/randomStreams.js';
import { allocateOrderFlowAuction, ofaClearingPrice } from '../market/mechanisms/orderFlowAuction.js';
import type { Allocated, Bundle } from '../market/orders/types.js';
import { placementOf } from './orderingPolicy.js';
import type { WorldState } from './types.js';

/**
 * The order-flow auction's sale (`order-flow-auction`, orderFlowAuction.ts): for each swap of the
 * group's rollups sent through the OFA, the backrun bundles targeting it bid for the right to
 * backrun it. The OFA's rule picks the winner (the highest bid, ties uniform: one draw from `source`
 * per user) and its clearing price — the winner's bid (first-price) or the highest other bid
 * (second-price). The winner pays that price in its gas token (its bid scaled by price ÷ bid) to the
 * OFA (`payee: 'ofa'`): at settlement `rebateFraction` of it goes to that user, the rest to the
 * proposer. Users are taken in the order their first bundle was sent. The stream is created only
 * when a user has bids (runs without OFA users keep their streams).
 */
export function sellOrderFlow(world: WorldState, bundles: readonly Bundle[], group: readonly number[], ofaUsers: ReadonlySet<number>, sourceOf: () => Source): Allocated[] {
  const m = world.config.mechanism;
  if (m.name !== 'order-flow-auction' || ofaUsers.size === 0) return [];
  const byUser = new Map<number, Bundle[]>();
  for (const b of bundles) {
    if (b.target.kind !== 'backrun' || !group.includes(b.target.rollup) || placementOf(world, b, ofaUsers) !== 'ofa') continue;
    const list = byUser.get(b.target.userId);
    if (list) list.push(b);
    else byUser.set(b.target.userId, [b]);
  }
  if (byUser.size === 0) return [];
  const source = sourceOf();
  const sold: Allocated[] = [];
  for (const rivals of byUser.values()) {
    const bids = rivals.map((b, i) => ({ bidderId: `${i}:${world.searchers[b.searcher]!.id}`, amount: b.bidY, timeMs: b.arrivalMs }));
    const { winnerIndex } = allocateOrderFlowAuction(bids, m, source);
    if (winnerIndex === null) continue;
    const won = rivals[winnerIndex]!;
    const priceY = ofaClearingPrice(bids, winnerIndex, m.pricing);
    sold.push({ bundle: won, paymentGas: won.bidY > 0 ? won.bidGas * Math.min(1, priceY / won.bidY) : 0, payee: 'ofa' });
  }
  return sold;
}
