import { UserInputError, describeValue } from '../../config/errors.js';
import type { SlotEvent } from '../slotRecord.js';
import { getReporter, namedReporters } from './namedReporters.js';
import type { NamedReporter, ReadonlyWorld, ReportedValue, ReporterAgentKind } from './reporter.js';

/**
 * The values of a run's named reporters, as summary.json holds them under `reporters`: a model-level
 * reporter's value by its name; an agent-level one's as `{ <kind>: { <agent id>: value } }`.
 */
export type ReporterValues = Record<string, ReportedValue | Record<string, Record<string, ReportedValue>>>;

/** The names of `names` that are no named reporter, in order. */
export function unknownReporters(names: readonly string[]): string[] {
  return names.filter((n) => getReporter(n) === undefined);
}

/** "the named reporters are price-gap (model, bps), …": for error messages. */
export function listReporters(): string {
  return `the named reporters are ${namedReporters.map((r) => `${r.name} (${r.level === 'model' ? 'model' : r.kinds.join('/')}, ${r.unit})`).join(', ')}; docs/reference/outputs.md describes them`;
}

/**
 * The named reporters a config lists (`output.reporters`), in its order.
 * @throws UserInputError naming `output.reporters.<i>` and listing the known names.
 */
export function configReporters(config: { readonly output?: { readonly reporters?: readonly string[] | undefined } | undefined }): NamedReporter[] {
  const names = config.output?.reporters ?? [];
  return names.map((name, i) => {
    const r = getReporter(name);
    if (!r) throw new UserInputError(`Invalid config: output.reporters.${i}: unknown reporter ${describeValue(name)}; ${listReporters()}.`);
    return r;
  });
}

/** The agents of the world, kind by kind, as the agents table lists them. */
function agentIds(world: ReadonlyWorld, kind: ReporterAgentKind): string[] {
  if (kind === 'rollup') return world.rollups.map((r) => r.id);
  if (kind === 'builder') return world.builders.map((b) => b.id);
  if (kind === 'searcher') return world.searchers.map((s) => s.id);
  return world.config.validators.map((v) => v.id);
}

/** A value as summary.json may hold it: no NaN or ±Infinity (null instead). */
const finiteOrNull = (v: ReportedValue): ReportedValue => (typeof v === 'number' && !Number.isFinite(v) ? null : v);

/**
 * The named reporters of one run: their states folded over the slots and their values at the end.
 * The states are plain JSON, so a checkpoint holds them ({@link ReporterRun.state}).
 */
export class ReporterRun {
  private constructor(
    private readonly reporters: readonly NamedReporter[],
    private readonly states: unknown[],
  ) {}

  /** Fresh states before slot 0. */
  static start(reporters: readonly NamedReporter[], world: ReadonlyWorld): ReporterRun {
    return new ReporterRun(reporters, reporters.map((r) => (r.init ? r.init(world) : null)));
  }

  /** States saved by {@link ReporterRun.state} (same reporters, same order). */
  static restore(reporters: readonly NamedReporter[], states: readonly unknown[]): ReporterRun {
    if (states.length !== reporters.length) throw new Error('the checkpoint holds the states of other reporters than the config lists');
    return new ReporterRun(reporters, structuredClone([...states]));
  }

  /** Folds one slot into every state. */
  slot(event: SlotEvent, world: ReadonlyWorld): void {
    this.reporters.forEach((r, i) => r.slot?.(this.states[i], event, world));
  }

  /** A copy of the states (plain JSON). */
  state(): unknown[] {
    return structuredClone(this.states);
  }

  /** Every reporter's value at the end of the run (see {@link ReporterValues}). */
  values(world: ReadonlyWorld): ReporterValues {
    const out: ReporterValues = {};
    this.reporters.forEach((r, i) => {
      const state = this.states[i] as never;
      if (r.level === 'model') out[r.name] = finiteOrNull(r.value(state, world));
      else out[r.name] = Object.fromEntries(r.kinds.map((kind) => [kind, Object.fromEntries(agentIds(world, kind).map((id) => [id, finiteOrNull(r.value(state, world, { kind, id }))]))]));
    });
    return out;
  }
}
