import { z } from 'zod';

/*
 * A searcher's capital and its CEX venue (issue 14 item 4): what it holds on-chain at the start, what
 * happens when a trade would take a balance below zero, and what hedging on the CEX costs. Absent,
 * a searcher starts with nothing, may go negative at no cost (credit from an off-model treasury), and
 * hedges for free at the reference price with unlimited depth — the model before these fields.
 */

const nonNegative = () => z.number().nonnegative().finite();

export const capitalSchema = z
  .object({
    initialX: nonNegative().default(0).describe('X it holds on each of its rollups at slot 0 (≥ 0): its capital limit in X.'),
    initialY: nonNegative().default(0).describe('Y it holds on each of its rollups at slot 0 (≥ 0): its capital limit in Y.'),
    negative: z
      .enum(['forbid', 'finance'])
      .default('forbid')
      .describe('`forbid`: a trade it cannot fund is cut to what it holds (the swap never spends more of its input token than the searcher holds on that rollup; the bid and data fee are paid after, from what it then holds); only kinds that size their own trade (cex-dex, capped-cex-dex, cross-rollup). `finance`: balances may go negative and each slot pay `financeRatePerSlot` of their value as interest (`finance_cost_y`).'),
    financeRatePerSlot: nonNegative().max(1).default(0).describe('With `negative: "finance"`: interest per slot on each negative on-chain balance, as a fraction of its value in Y at the reference price (in [0, 1]), booked as a cost in Y (`finance_cost_y`), off-chain.'),
  })
  .strict();

export const cexSchema = z
  .object({
    feeBp: nonNegative().max(10_000).default(0).describe('Fee on each hedge, in basis points of its proceeds (0 to 10000): a hedge realises (1 − feeBp/10⁴) of what it sells.'),
    depthY: z.number().positive().finite().optional().describe('Depth of the CEX book, Y at the reference price (> 0): selling value v moves the price linearly, down by v/depthY of it, so a hedge realises v − v²/(2·depthY); at most depthY is sold per hedge (the rest stays in its on-chain inventory, unhedged; sizing for the net never buys more than that). Absent: infinitely deep.'),
  })
  .strict();

export type CapitalConfig = z.output<typeof capitalSchema>;
export type CexConfig = z.output<typeof cexSchema>;

/** Kinds that size their own trade, so `negative: "forbid"` can cut it (backruns and sandwiches size theirs on-chain). */
export const CUTTABLE_KINDS: readonly string[] = ['cex-dex', 'capped-cex-dex', 'cross-rollup'];

interface Searchers {
  readonly searchers: readonly { readonly kind: string; readonly capital?: CapitalConfig; readonly cex?: CexConfig }[];
}

/**
 * Capital and CEX fields the model would not read: a finance rate under `forbid`, `forbid` on a kind
 * whose trade is sized on-chain, a CEX venue for a kind that does not hedge.
 */
export function checkCapital(cfg: Searchers, hedges: (kind: string) => boolean, ctx: z.RefinementCtx): void {
  cfg.searchers.forEach((s, i) => {
    const c = s.capital;
    if (c?.negative === 'forbid' && c.financeRatePerSlot > 0)
      ctx.addIssue({ code: 'custom', path: ['searchers', i, 'capital', 'financeRatePerSlot'], message: 'financeRatePerSlot is read only with negative "finance" (under "forbid" no balance is financed); set capital.negative to "finance" or drop financeRatePerSlot' });
    if (c?.negative === 'forbid' && !CUTTABLE_KINDS.includes(s.kind))
      ctx.addIssue({ code: 'custom', path: ['searchers', i, 'capital', 'negative'], message: `a "${s.kind}" searcher sizes its trade on-chain, so its trades cannot be cut to its capital; use negative "finance" (kinds that can be cut: ${CUTTABLE_KINDS.join(', ')})` });
    if (s.cex !== undefined && !hedges(s.kind))
      ctx.addIssue({ code: 'custom', path: ['searchers', i, 'cex'], message: `a "${s.kind}" searcher does not hedge on the CEX, so cex is never read; drop it` });
  });
}
