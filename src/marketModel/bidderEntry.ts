import { summariseBidder } from '../agents/bidding/bidderRecord.js';
import type { BidderRecord } from '../agents/bidding/types.js';
import { armLabel, choiceArms, type ChoiceOptions } from '../agents/bidding/choices.js';
import type { BidderSummaryEntry } from './summaryTypes.js';

/** One bidder's line of summary.json's `bidders` (bidderRecord.ts's `summariseBidder`, snake_case). */
export function bidderEntry(id: string, role: 'builder' | 'searcher', strategy: string, record: BidderRecord, bidding: { readonly windowSlots: number; readonly regret: boolean }, choices?: ChoiceOptions): BidderSummaryEntry {
  const b = summariseBidder(record, bidding.windowSlots, bidding.regret);
  const played = record.choiceLearner?.counts ?? [];
  const top = played.reduce((best, n, a) => (n > (played[best] ?? -1) ? a : best), -1);
  return {
    bidder: id,
    role,
    strategy,
    auctions: b.auctions,
    wins: b.wins,
    win_rate: b.winRate,
    mean_shade: b.meanShade,
    value_y: b.valueY,
    bid_y: b.bidY,
    payoff_y: b.payoffY,
    best_fixed_action: b.bestFixedAction,
    regret_y: b.regretY,
    regret_per_auction_y: b.regretPerAuctionY,
    converged_at_slot: b.convergedAtSlot,
    window_slots: b.windowSlots,
    shade_by_window: b.shadeByWindow,
    choice: choices && top >= 0 && played[top]! > 0 ? armLabel(choiceArms(choices)[top]!) : null,
    choice_share: choices && top >= 0 && played[top]! > 0 ? played[top]! / played.reduce((a, n) => a + n, 0) : null,
  };
}
