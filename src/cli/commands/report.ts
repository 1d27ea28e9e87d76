import type { Argv } from 'yargs';
import { UserInputError } from '../../config/errors.js';
import type { CliIo } from '../cliIo.js';

interface ReportArgs {
  folder: string;
  out?: string;
  'png-scale': number;
  force?: boolean;
}

/**
 * `seqsim report <folder> [--out DIR] [--png-scale S]`: SVG and PNG charts and a report.md for a
 * run folder (market or bidding war) or a sweep folder, written beside its files (or into --out),
 * overwriting an earlier report only with `--force`.
 */
export function reportCommand(yargs: Argv, io: CliIo): Argv {
  return yargs.command<ReportArgs>(
    'report <folder>',
    'Chart a run or sweep folder: SVG and PNG charts and report.md, written into the folder (or --out); replaces an earlier report only with --force.',
    (y) =>
      y
        .positional('folder', { type: 'string', describe: 'a run folder (seqsim run) or a sweep folder (seqsim sweep)', demandOption: true })
        .option('out', { type: 'string', describe: 'write the charts and report.md here instead (created if missing)' })
        .option('png-scale', { type: 'number', default: 2, describe: 'PNG pixels per SVG pixel' })
        .option('force', { type: 'boolean', describe: 'replace report.md and the chart files of an earlier (stale) report' }),
    async (args) => {
      const pngScale = args['png-scale'];
      if (!(pngScale > 0 && pngScale <= 8)) throw new UserInputError(`--png-scale must be a number in (0, 8], but got ${String(pngScale)}.`);
      const started = performance.now();
      // Loaded here, not at the top: the charting stack (vega, resvg) costs ~0.4 s of every CLI start.
      const { writeReport } = await import('../../report/writeReport.js');
      const r = await writeReport(args.folder, { out: args.out, pngScale, force: Boolean(args.force) });
      const seconds = (performance.now() - started) / 1000;
      const charts = (r.files.length - 1) / 2;
      io.stdout(`${r.kind} folder ${args.folder}: ${charts} charts\nwrote ${r.outDir}/ (${r.files.join(', ')}) in ${seconds.toFixed(2)} s\n`);
    },
  );
}
