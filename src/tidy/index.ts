/**
 * Tidy tables of sweeps and runs: `runs` (one row per run) and `agents` (one row per run and agent),
 * built by pure functions from a sweep plan and results rows (or a run's summary) and written by
 * {@link writeTidyTables}.
 */
export { sweepTidyTables, runTidyTables, writeTidyTables, sweepIdentityColumns, tidyTableNames, runIdOf, type TidyTables } from './tidyTables.js';
export { dataTable, type DataTable, type ColumnArray } from './dataTable.js';
export { axisColumns, type AxisColumn } from './axisColumns.js';
export { axisLabel } from './axisLabel.js';
export { agentKinds, type AgentKind } from './agentKinds.js';
