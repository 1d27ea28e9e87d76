/**
 * The auction a searcher's bundle is in: its positions (a top of block, the spot behind a user
 * swap) go to the highest bid among the bundles that want them (allocateBundles, and the builders'
 * greedy-by-bid blocks). Against the best rival bid m for those positions, a bid b wins when
 * b > m (ties split evenly), or always when no rival wants them, and pays b (first-price; builders
 * are always paid the bid) or m (second-price, direct sales only).
 */
export type PositionRule = 'first-price' | 'second-price';

/**
 * Expected payoff (Y) of bidding `bidY` for a bundle worth `valueY`, the rivals' best bid being
 * `bestRivalY` (null: no rival), when the bundle can be included at all with probability `reach`
 * (1 in direct sales; with builders, whether the winning block's builder saw it).
 */
export function positionPayoff(rule: PositionRule, bidY: number, valueY: number, bestRivalY: number | null, reach: number): number {
  const m = bestRivalY ?? -1;
  const win = bidY > m ? 1 : bidY === m ? 0.5 : 0;
  const price = rule === 'first-price' ? bidY : Math.max(0, m);
  return reach * win * (valueY - price);
}
