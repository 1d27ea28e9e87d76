/**
 * Charts for seqsim runs and sweeps, for notebooks and scripts: pure Vega-Lite spec builders, the
 * data shaping behind them and headless rendering to SVG. Pure JavaScript (no native addon): PNG
 * output (`render/svgToPng.js`, resvg) and the `seqsim report` writer (`writeReport.js`) are
 * imported from their own modules.
 *
 * ```ts
 * import { pricesSpec, renderSvg } from '../dist/report/index.js'; // from a checkout's examples/
 * const svg = await renderSvg(pricesSpec(runSimulation(config, { keepRows: true }).rows));
 * ```
 */
export { parseCsv, type CsvRecord, type CsvValue } from './data/parseCsv.js';
export { everyKth, strideFor } from './data/everyKth.js';
export { priceSeries, type PricePoint, type PriceRow } from './data/priceSeries.js';
export { rollingHhi, winnerIds, type HhiPoint, type WinRow, type WindowOptions } from './data/rollingHhi.js';
export { rollingShares, type BidRow, type SharePoint } from './data/rollingShares.js';
export { histogram, type HistogramBin } from './data/histogram.js';
export { valueSharesFromSummary, type ValueShare, type ValueSummary } from './data/valueShares.js';
export { sweptParameters } from './data/sweepColumns.js';
export { axisValueLabels, briefValue, shortAxisNames, sweepLayout, type SweepAxisInfo, type SweepCellInfo, type SweepLayout } from './data/sweepCells.js';
export { bidderShades, bidderWindowSlots, biddersFromSummary, windowSlotsFromManifest, DEFAULT_BIDDING_WINDOW_SLOTS, type BidderEntry, type ShadePoint } from './data/bidderShades.js';
export { pricesSpec, type PricesSpecOptions } from './specs/pricesSpec.js';
export { valueSharesSpec } from './specs/valueSharesSpec.js';
export { concentrationSpec, hasWinnerColumn, type ConcentrationRow, type ConcentrationSpecOptions } from './specs/concentrationSpec.js';
export { groupMark, sweepTradeoffSpec, SWEEP_COLOURS, SWEEP_SHAPES, type SweepGroup, type SweepRow, type SweepTradeoffOptions } from './specs/sweepTradeoffSpec.js';
export { winShareSpec, type StrategyWins } from './specs/winShareSpec.js';
export { efficiencySpec } from './specs/efficiencySpec.js';
export { bidShadingSpec, type BidShadingSpecOptions } from './specs/bidShadingSpec.js';
export type { TopLevelSpec } from './specs/common.js';
export { renderSvg } from './render/renderSvg.js';
