/**
 * The two-rollup market the revenue-sharing tests share: A pays gas in X, B in Y (fee 10 bp), both
 * pools at 2,000 Y per X with two users per slot, and one CEX-DEX arbitrageur on each.
 */
export const twoRollups = [
  { id: 'A', gasToken: 'X', pool: { reserveX: 500, reserveY: 1_000_000 }, users: { arrivalsPerSlot: 2 } },
  { id: 'B', gasToken: 'Y', pool: { reserveX: 500, reserveY: 1_000_000, fee: 0.001 }, users: { arrivalsPerSlot: 2 } },
];

export const arbitrageurs = [
  { kind: 'cex-dex', id: 'arb-A', rollup: 'A' },
  { kind: 'cex-dex', id: 'arb-B', rollup: 'B' },
];
