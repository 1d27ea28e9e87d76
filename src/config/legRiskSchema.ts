/*
 * Leg risk (issue 14): what a rollup's inclusion failures mean (the venues where a lone leg is
 * unwound are the cross-rollup searcher kind's: src/agents/searchers/unwindVenue.ts).
 */

/** What `rollups[].inclusionFailureProbability` means, and how it combines with `sequencing.legFailureProbability`. */
export const inclusionFailureDescription =
  'Probability, in [0, 1], that what a cross-rollup arbitrageur got included on this rollup still fails to land (Silva & Livshits 2024, arXiv:2410.11552: independent failures F_A, F_B per rollup). '
  + 'A split leg on this rollup (either sequencing mode) fails with it; an atomic bundle over several rollups lands on all of them or on none: it lands with Π over its rollups of (1 − probability), one draw per rollup. '
  + 'A bundle that fails to land does not execute and pays neither its bid nor data fees (only executed bundles pay). '
  + 'Under `separate` sequencing a split leg must also survive `sequencing.legFailureProbability` (drawn first, independently): it lands with (1 − legFailureProbability)(1 − this). '
  + 'Only cross-rollup bundles are affected; draws come from their own stream (`inclusion`), so runs with every probability 0 are unchanged.';
