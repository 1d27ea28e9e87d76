/** A worker checks every job as `seqsim run` checks a file before running it. */
import { basename, isAbsolute } from 'node:path';
import { marketConfigSchema, type MarketConfig } from '../../config/schema.js';
import { describeIssue } from '../../config/formatIssues.js';
import { parseTableFormat } from '../../io/formats/formats.js';
import { configSha, type RunJobData } from './jobs.js';

/**
 * The config to run, or why the job is refused: data that is not a run job, a seqsim version other
 * than the worker's, a config whose SHA-256 is not the one the job carries, or a config that fails
 * validation. Messages are one line and name the fix.
 */
export function checkJob(data: unknown, version: string): { config: MarketConfig } | { refused: string } {
  const d = (data ?? {}) as Partial<RunJobData>;
  if (typeof d !== 'object' || typeof d.seqsim !== 'string' || typeof d.config_sha256 !== 'string' || d.config === undefined)
    return { refused: 'job refused: its data is not a seqsim run job (config, config_sha256 and seqsim are required)' };
  if (d.seqsim !== version)
    return { refused: `job refused: it was planned by seqsim ${d.seqsim} but this worker runs seqsim ${version}; run the same seqsim version on the sweep machine and every worker` };
  const sha = configSha(d.config);
  if (sha !== d.config_sha256)
    return { refused: `job refused: its config's SHA-256 is ${sha.slice(0, 12)}..., not the ${d.config_sha256.slice(0, 12)}... the job carries; the config was changed after the sweep planned it` };
  // A run folder is written only as `<absolute dir>/<run id>/`, the run id being the config's hash:
  // a job cannot name an arbitrary folder for the worker to write into.
  if (d.runDir !== undefined && (typeof d.runDir !== 'string' || !isAbsolute(d.runDir) || basename(d.runDir) !== sha.slice(0, 12)))
    return { refused: `job refused: its run folder ${JSON.stringify(d.runDir)} is not an absolute path ending in the run id ${sha.slice(0, 12)}` };
  if (d.format !== undefined) {
    try {
      parseTableFormat(d.format);
    } catch {
      return { refused: `job refused: format ${JSON.stringify(d.format)} is not csv, jsonl or parquet` };
    }
  }
  const parsed = marketConfigSchema.safeParse(d.config);
  if (!parsed.success) return { refused: `job refused: its config fails validation: ${parsed.error.issues.slice(0, 3).map((i) => describeIssue(i, d.config)).join('; ')}` };
  return { config: parsed.data };
}
