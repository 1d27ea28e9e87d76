/**
 * Parameter sweeps: a market config whose leaves may be lists, run over a grid × seeds on worker
 * threads into one results table.
 *
 * ```ts
 * import { runSweep } from 'seqsim';
 * const result = await runSweep({ ...baseline, rollups: [...], seeds: [1, 2, 3] }, { out: 'runs/my-sweep', format: 'parquet' });
 * ```
 */
export { runSweep, type SweepOptions, type SweepProgress, type SweepResult, type SweepFailure } from './runSweep.js';
export { expandSweep, type SweepPlan, type SweepCell, type SweepRun } from './expandSweep.js';
export { loadSweepFile } from './loadSweepFile.js';
export type { SweepAxis } from './findAxes.js';
export { flattenSummary } from './flattenSummary.js';
export type { SweepManifest } from './sweepFolder.js';
export { mergeShards, type MergeOptions, type MergeResult } from './mergeShards.js';
export { shardOf, parseShard, type ShardSpec } from './shards.js';
