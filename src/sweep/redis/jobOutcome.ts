/** How a worker tells a run that failed from an infrastructure failure worth retrying. */
import type { RunSummary } from '../../marketModel/summary.js';
import { oneLine } from '../runSweep.js';

/** A run's end as a worker thread reports it: the summary, or why it failed and whether to retry. */
export type JobOutcome = { readonly summary: RunSummary } | { readonly error: string; readonly retry: boolean };

/**
 * A thrown value as an outcome. A system error (one with a `syscall`: a file the run folder could not
 * get, a full disk) is the machine's fault and worth retrying elsewhere or later; anything else came
 * from the model, which fails the same way every time for the same config, so it is not retried.
 */
export function failedOutcome(err: unknown): JobOutcome {
  const system = err !== null && typeof err === 'object' && typeof (err as { syscall?: unknown }).syscall === 'string';
  return { error: oneLine(err), retry: system };
}

/** Runs `run` and returns its outcome, never throwing. */
export async function outcomeOf(run: () => RunSummary | Promise<RunSummary>): Promise<JobOutcome> {
  try {
    return { summary: await run() };
  } catch (err) {
    return failedOutcome(err);
  }
}
