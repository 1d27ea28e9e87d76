import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserInputError } from '../config/errors.js';
import { chartsFor } from './charts.js';
import { readReportInput, type ReportInput } from './folder/readReportInput.js';
import { renderSvg } from './render/renderSvg.js';
import { svgToPng } from './render/svgToPng.js';
import { reportMarkdown } from './reportMarkdown.js';

/** Options of {@link writeReport}. */
export interface WriteReportOptions {
  /** Where to write; default the folder itself. Created when missing. */
  readonly out?: string;
  /** PNG pixels per SVG unit. Default 2. */
  readonly pngScale?: number;
  /** Replace report.md and chart files already there (a stale report) instead of refusing. */
  readonly force?: boolean;
}

/** What {@link writeReport} wrote. */
export interface ReportResult {
  readonly kind: ReportInput['kind'];
  readonly outDir: string;
  /** File names written into `outDir`: report.md, then `<chart>.svg` and `<chart>.png` per chart. */
  readonly files: string[];
}

/**
 * Charts a run or sweep folder: one SVG and one PNG per chart and a `report.md` embedding the PNGs,
 * written into `out` (default the folder). Overwrites only with `force`: otherwise, if any of those
 * names is taken it throws a {@link UserInputError} before writing anything, as it does for a folder that is neither
 * a run nor a sweep. Everything is rendered in memory first, so a failure leaves no partial report.
 */
export async function writeReport(dir: string, opts: WriteReportOptions = {}): Promise<ReportResult> {
  const input = await readReportInput(dir);
  const charts = chartsFor(input);
  const outDir = opts.out ?? dir;
  const files = ['report.md', ...charts.flatMap((c) => [`${c.name}.svg`, `${c.name}.png`])];
  if (existsSync(outDir) && !statSync(outDir).isDirectory())
    throw new UserInputError(`Output path "${outDir}" is a file, not a folder. Choose another --out.`);
  const taken = files.filter((f) => existsSync(join(outDir, f)));
  if (taken.length > 0 && !opts.force)
    throw new UserInputError(
      `"${outDir}" already holds ${taken.join(', ')}; seqsim report does not overwrite a file unless told to. Give --force to replace them, choose another --out, or remove them first.`,
    );
  const contents = new Map<string, string | Buffer>([['report.md', reportMarkdown(input, charts)]]);
  for (const chart of charts) {
    const svg = await renderSvg(chart.spec);
    contents.set(`${chart.name}.svg`, svg);
    contents.set(`${chart.name}.png`, svgToPng(svg, { scale: opts.pngScale }));
  }
  mkdirSync(outDir, { recursive: true });
  // Without force, 'wx' fails rather than overwrite a file that appeared since the check above.
  for (const f of files) writeFileSync(join(outDir, f), contents.get(f)!, { flag: opts.force ? 'w' : 'wx' });
  return { kind: input.kind, outDir, files };
}
