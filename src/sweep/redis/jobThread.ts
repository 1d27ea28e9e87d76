/**
 * The worker thread of `seqsim worker` (run by piscina from the compiled `dist/sweep/redis/jobThread.js`):
 * one run, like the local sweep's thread, but returning failures as values, so that a system error
 * keeps its kind across the thread boundary (structured clone keeps only an error's message).
 */
import runSweepTask, { type SweepTask } from '../worker.js';
import { outcomeOf, type JobOutcome } from './jobOutcome.js';

export default function runJobTask(task: SweepTask): Promise<JobOutcome> {
  return outcomeOf(() => runSweepTask(task));
}
