import type { Argv } from 'yargs';
import type { CliIo } from '../cliIo.js';

interface MergeArgs {
  dirs: string[];
  out: string;
}

/**
 * Registers `seqsim sweep merge <dirs..> --out OUT`: the shard folders of one sweep joined into one
 * sweep folder (see `mergeShards`). Exit 2 when they are not one sweep's shards, a run is missing
 * or in two folders; 3 when the merged table has failed runs.
 */
export function sweepMergeCommand(yargs: Argv, io: CliIo, setExitCode: (code: number) => void): Argv {
  return yargs.command<MergeArgs>(
    'merge <dirs..>',
    'Merge the shard folders of one sweep (each from `seqsim sweep FILE --shard i/n --out DIR`) into one sweep folder whose results table is ' +
      'byte-identical to a one-machine sweep. Exit codes: 0 merged; 3 merged, but some runs failed (kept as rows with status "failed"); ' +
      '2 the folders are not shards of one sweep, a run is missing or in two folders, or OUT is not new.',
    (y) =>
      y
        .positional('dirs', { type: 'string', array: true, describe: 'the shard folders', demandOption: true })
        .option('out', { type: 'string', describe: 'the merged sweep folder (must not exist or be empty)', demandOption: true }),
    async (args) => {
      const started = performance.now();
      const { mergeShards } = await import('../../sweep/mergeShards.js'); // loaded only by this command
      const r = mergeShards(args.dirs, { out: args.out });
      const seconds = (performance.now() - started) / 1000;
      const failed = r.failed > 0 ? `; ${r.failed} failed (status "failed" in the table)` : '';
      io.stdout(`merged ${r.folders} folders: ${r.runs} runs${failed} in ${seconds.toFixed(1)} s\nwrote ${r.table}\n`);
      if (r.failed > 0) {
        io.stderr(
          `seqsim: ${r.failed} of ${r.runs} runs failed (${r.failures.slice(0, 10).join(', ')}${r.failed > 10 ? ` and ${r.failed - 10} more` : ''}). ` +
            `Their rows keep status "failed" and the error. After fixing the cause, run them again with: seqsim sweep FILE --resume ${r.dir} --retry-failed\n`,
        );
        setExitCode(3);
      }
    },
  );
}
