import type { SlotEvent } from '../slotRecord.js';
import type { WorldState } from '../types.js';

/** A reporter's value: a number (or a text or flag, for the library's own reporters); null when there is nothing to measure. */
export type ReportedValue = number | string | boolean | null;

/** The agent kinds an agent-level reporter can report on (the `kind` column of the agents table). */
export type ReporterAgentKind = 'rollup' | 'builder' | 'searcher' | 'validator';

/** Every agent kind, in the agents table's order. */
export const reporterAgentKinds: readonly ReporterAgentKind[] = ['rollup', 'builder', 'searcher', 'validator'];

/** An agent as a reporter sees it: its kind and id. */
export interface ReporterAgent {
  readonly kind: string;
  readonly id: string;
}

/** What a reporter reads: the world between slots (read only: the world is the run's own). */
export type ReadonlyWorld = Readonly<WorldState>;

/**
 * What every reporter shares (Mesa's model and agent reporters, Agents.jl's `mdata`/`adata` with
 * `when`): a state folded over the slots, then a value at the end of the run. The state is plain
 * JSON (a checkpoint holds it): `init` makes it before slot 0 and `slot` folds each slot's event into
 * it, in place. A reporter that only reads the world at the end has neither (its state is null).
 */
interface ReporterBase<S> {
  /** Registry name (lower-case words joined by `-`): what `output.reporters` and `--reporters` list. */
  readonly name: string;
  /** Unit of the value (`bps`, `fraction of slots`, …). */
  readonly unit: string;
  /** What the value means, in one or two sentences (docs and the error listing the names). */
  readonly meaning: string;
  readonly init?: (world: ReadonlyWorld) => S;
  readonly slot?: (state: S, event: SlotEvent, world: ReadonlyWorld) => void;
}

/** A model-level reporter: one value per run (a column of the `runs` table). */
export interface ModelReporter<S = unknown> extends ReporterBase<S> {
  readonly level: 'model';
  /** The run's value at its end; null when there is nothing to measure (NaN and ±Infinity become null). */
  readonly value: (state: S, world: ReadonlyWorld) => ReportedValue;
}

/** An agent-level reporter: one value per agent of the kinds it covers (a column of the `agents` table). */
export interface AgentReporter<S = unknown> extends ReporterBase<S> {
  readonly level: 'agent';
  /** The kinds of agent it has a value for (others get an empty cell). */
  readonly kinds: readonly ReporterAgentKind[];
  /** One agent's value at the end of the run; null when there is nothing to measure (NaN and ±Infinity become null). */
  readonly value: (state: S, world: ReadonlyWorld, agent: ReporterAgent) => ReportedValue;
}

export type NamedReporter<S = unknown> = ModelReporter<S> | AgentReporter<S>;

/**
 * A registry entry keeps its state type to itself: `defineReporter` checks an entry against its own
 * state type and hands the registry the erased one.
 */
export function defineReporter<S>(r: NamedReporter<S>): NamedReporter {
  return r as NamedReporter;
}

/** `a ÷ b`, or null when `b` is 0 (a ratio of nothing is not 0). */
export const ratioOrNull = (a: number, b: number): number | null => (b === 0 ? null : a / b);
