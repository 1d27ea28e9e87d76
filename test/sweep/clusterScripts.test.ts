import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, tempDir } from '../cli/helpers.js';
import { smallSweep, writeSweep } from './helpers.js';

/**
 * The cluster scripts of docs/cluster/ run by bash/sh with the variables Slurm or Kubernetes would
 * set for each task (no Slurm or Kubernetes needed): their shard arithmetic must give shards whose
 * merge is the one-machine sweep.
 */
const seqsim = `${process.execPath} bin/seqsim.js`;
const bytes = (dir: string, f: string) => readFileSync(join(dir, f));

/** Runs a script; returns its stdout. */
function shell(program: 'bash' | 'sh', args: string[], env: Record<string, string>): string {
  const r = spawnSync(program, args, { encoding: 'utf8', env: { ...process.env, SEQSIM_LOG_LEVEL: 'silent', SEQSIM: seqsim, ...env } });
  if (r.status !== 0) throw new Error(`${program} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** The text of the YAML literal block `key: |` (the lines indented deeper than the key), de-indented. */
function literalBlock(yaml: string, key: string): string {
  const lines = yaml.split('\n');
  const at = lines.findIndex((l) => l.trim() === `${key}: |` || l.trim() === `${key} |`);
  if (at < 0) throw new Error(`no literal block "${key}" in the manifest`);
  const keyIndent = lines[at]!.search(/\S/);
  const body: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (l.trim() !== '' && l.search(/\S/) <= keyIndent) break;
    body.push(l);
  }
  const indent = Math.min(...body.filter((l) => l.trim()).map((l) => l.search(/\S/)));
  return body.map((l) => l.slice(indent)).join('\n');
}

describe('docs/cluster scripts', () => {
  const root = tempDir('seqsim-cluster-');
  const file = writeSweep(smallSweep({ slots: 30 }), root); // 4 cells × 3 seeds
  const local = join(root, 'local');
  beforeAll(() => {
    expect(bin('sweep', file, '--out', local, '--workers', '1').code).toBe(0);
  });

  const slurm = join(root, 'slurm');

  it('slurm-sweep.sh for each task of --array=1-3, then slurm-merge.sh: the merged table and sweep.json are the local ones', () => {
    for (const task of [1, 2, 3])
      shell('bash', ['docs/cluster/slurm-sweep.sh'], {
        SWEEP: file, OUT: slurm, SLURM_ARRAY_TASK_ID: String(task), SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '3', SLURM_CPUS_PER_TASK: '1',
      });
    for (let i = 1; i <= 3; i++) expect(JSON.parse(bytes(join(slurm, `shard-${i}-of-3`), 'sweep.json').toString()).shard).toEqual({ index: i, count: 3 });
    shell('bash', ['docs/cluster/slurm-merge.sh'], { OUT: slurm, SHARDS: '3' });
    expect(bytes(join(slurm, 'merged'), 'results.csv').equals(bytes(local, 'results.csv'))).toBe(true);
    expect(bytes(join(slurm, 'merged'), 'sweep.json').equals(bytes(local, 'sweep.json'))).toBe(true);
  }, 120_000);

  it('slurm-sweep.sh gives shards 1/3, 2/3, 3/3 for --array=0-2 and --array=5-7 too, and resumes a shard whose folder has a sweep.json', () => {
    // SEQSIM=echo prints the command the task would run.
    const command = (task: number, min: number, out = '/shared/x') =>
      shell('bash', ['docs/cluster/slurm-sweep.sh'], { SEQSIM: 'echo', SWEEP: 's.json', OUT: out, SLURM_ARRAY_TASK_ID: String(task), SLURM_ARRAY_TASK_MIN: String(min), SLURM_ARRAY_TASK_COUNT: '3' }).trim();
    for (const min of [0, 5])
      expect([0, 1, 2].map((k) => command(min + k, min))).toEqual([1, 2, 3].map((i) => `sweep s.json --shard ${i}/3 --out /shared/x/shard-${i}-of-3 --workers 1`));
    expect(command(2, 1, slurm)).toBe(`sweep s.json --shard 2/3 --resume ${slurm}/shard-2-of-3 --workers 1`); // a requeued task
  });

  it('the Kubernetes shard script gives shards 1/3, 2/3, 3/3 for JOB_COMPLETION_INDEX 0, 1, 2; the merge Job command merges them into the local table', () => {
    const shardScript = literalBlock(readFileSync('docs/cluster/k8s-indexed-job.yaml', 'utf8'), 'shard.sh');
    const env = { SEQSIM: 'echo', SHARDS: '3', SWEEP: '/sweep/sweep.json', OUT: '/data/x', WORKERS: '2' };
    expect([0, 1, 2].map((index) => shell('sh', ['-c', shardScript], { ...env, JOB_COMPLETION_INDEX: String(index) }).trim())).toEqual(
      [1, 2, 3].map((i) => `sweep /sweep/sweep.json --shard ${i}/3 --out /data/x/shard-${i}-of-3 --workers 2`),
    );
    // The merge Job's command, on copies of the shard folders the Slurm test wrote (same folder names).
    const k8s = join(root, 'k8s');
    for (const i of [1, 2, 3]) cpSync(join(slurm, `shard-${i}-of-3`), join(k8s, `shard-${i}-of-3`), { recursive: true });
    const merge = literalBlock(readFileSync('docs/cluster/k8s-merge-job.yaml', 'utf8'), '-').replace(/\bseqsim sweep merge/, `${seqsim} sweep merge`);
    expect(merge).not.toBe(literalBlock(readFileSync('docs/cluster/k8s-merge-job.yaml', 'utf8'), '-'));
    shell('sh', ['-c', merge], { SHARDS: '3', OUT: k8s });
    expect(bytes(join(k8s, 'merged'), 'results.csv').equals(bytes(local, 'results.csv'))).toBe(true);
  });

  it.each(['slurm-sweep.sh', 'slurm-merge.sh', 'slurm-submit.sh', 'k8s-indexed-job.yaml', 'k8s-merge-job.yaml'])('docs/cluster.md shows docs/cluster/%s verbatim', (name) => {
    expect(readFileSync('docs/cluster.md', 'utf8')).toContain(readFileSync(join('docs/cluster', name), 'utf8').trimEnd());
  });
});
