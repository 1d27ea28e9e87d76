/** Where the right to build a slot ends up after the secondary market for execution tickets. */
export interface TicketResale {
  /** Index of the builder that builds the slot: the holder, or the buyer it resold the right to. */
  readonly builder: number;
  /** The holder resold the right. */
  readonly resold: boolean;
  /** What the buyer pays the holder (Y); 0 without a resale. */
  readonly priceY: number;
}

/**
 * The secondary market for a drawn execution ticket (Drake & Neuder, ethresear.ch/t/17944: a drawn
 * holder may sell its slot): when the slot comes, the holder offers the right in an English
 * (ascending) auction among the other builders with its own value for the block as reserve. Each
 * bidder stays in while the price is below its value, so the highest-value other builder buys iff
 * its value exceeds the reserve, at max(reserve, second-highest value among the others) — the
 * price of a second-price auction with that reserve (Vickrey 1961, the English/second-price
 * equivalence under private values). Ties: no sale at a value equal to the reserve; among equal
 * buyers the lowest index buys. Pure; `valuesY[i]` is builder i's value for the block (Y, less its
 * cost), `holder` the drawn holder's index.
 */
export function resellSlotRight(valuesY: readonly number[], holder: number): TicketResale {
  if (!Number.isInteger(holder) || holder < 0 || holder >= valuesY.length) {
    throw new RangeError(`holder ${holder} is not one of the ${valuesY.length} builders`);
  }
  const reserve = valuesY[holder]!;
  let best = -1;
  let second = Number.NEGATIVE_INFINITY;
  valuesY.forEach((v, i) => {
    if (i === holder) return;
    if (best < 0 || v > valuesY[best]!) {
      if (best >= 0) second = Math.max(second, valuesY[best]!);
      best = i;
    } else second = Math.max(second, v);
  });
  if (best < 0 || !(valuesY[best]! > reserve)) return { builder: holder, resold: false, priceY: 0 };
  return { builder: best, resold: true, priceY: Math.max(reserve, second) };
}
