import { z } from 'zod';

/**
 * What a market run records in its per-slot table (`slots.csv`), and which named reporters it adds
 * to its summary. Absent: every column of every slot, no reporters. The summary (summary.json)
 * always covers every slot and column. The column and reporter names are checked against their
 * registries where the config meets the model (`marketModel/recording.ts`,
 * `marketModel/reporters/reporterRun.ts`: the registries live above the config's layer).
 */
export const outputSchema = z
  .object({
    columns: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe(
        'Columns of the per-slot table to write (names from docs/reference/outputs.md), in table order whatever their order here; `slot` and `rollup` are always kept. Absent: every column. The CLI flag `--columns a,b,c` sets it.',
      ),
    reporters: z
      .array(z.string().min(1))
      .superRefine((names, ctx) => {
        const i = names.findIndex((n, k) => names.indexOf(n) !== k);
        if (i >= 0) ctx.addIssue({ code: 'custom', path: [i], message: `reporter "${names[i]}" is listed twice; list each reporter once` });
      })
      .optional()
      .describe(
        'Named reporters whose values to add to summary.json (under `reporters`) and to the tidy tables (columns `reporters.<name>` of `runs` or `agents`): price-gap, revenue-cv, searcher-win-rate, builder-margin, bid-shading (docs/reference/outputs.md says what each measures, in which unit). Absent: none. The CLI flag `--reporters a,b` sets it.',
      ),
    recordEvery: z
      .number()
      .int()
      .positive()
      .default(1)
      .describe('Write every K-th slot to the per-slot table (slots 0, K, 2K, …); summary.json still covers every slot. The CLI flag `--record-every K` sets it.'),
  })
  .strict();

export type OutputConfig = z.output<typeof outputSchema>;
