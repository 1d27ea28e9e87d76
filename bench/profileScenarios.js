// Where each shipped market scenario spends its time (issue 18, item 4: "every shipped scenario …
// profiled, with the profile summary in bench/README.md"): each scenario, and the baseline, under
// `node --cpu-prof` in its own child process (bench/runScenario.js NAME SLOTS --warm R, so that most
// samples are steady-state slots), summarised by bench/summarizeProfile.js into one table row: the
// garbage collector's share, the model's top functions by self time and the slot phases by total
// time, each as a share of all samples (module loading and the warm-up included).
//
//   node bench/profileScenarios.js [--slots N] [--warm R] [--only a,b] [--top K]
//
// Prints a Markdown table (paste it into bench/README.md with the command and the machine's load).
// The .cpuprofile files stay in bench/profiles/ (git-ignored).
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { profileChild } from './profile.js';
import { marketScenarios } from './scenarios.js';

const pc = (x) => `${(100 * x).toFixed(1)} %`;

/** One scenario's (or, for 'baseline', the baseline's) profile summary. */
function profileOne(name, { slots, warm }) {
  const script = name === 'baseline' ? 'runBaseline.js' : 'runScenario.js';
  const args = name === 'baseline' ? [String(slots), '--warm', String(warm)] : [name, String(slots), '--warm', String(warm)];
  return profileChild({ script, args, name: `scenario-${name}-${slots}.cpuprofile`, intervalUs: 250, top: 60 }).summary;
}

/**
 * The table row of one summary: the `top` functions of the model (src/) by self time, and the
 * `top` slot phases by total time.
 */
export function profileRow(name, summary, top = 4) {
  const fns = summary.top
    .filter((f) => f.location.startsWith('src/'))
    .slice(0, top)
    .map((f) => `\`${f.name === '(anonymous)' ? f.location.replace(/^src\/(marketModel\/)?/, '') : f.name}\` ${pc(f.selfShare)}`);
  const phases = summary.phases.slice(0, top).map((p) => `${p.phase} ${pc(p.totalShare)}`);
  return `| ${name} | ${pc(summary.gcShare)} | ${fns.join(', ')} | ${phases.join(', ')} |`;
}

function flag(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const plan = { slots: Number(flag('--slots', 20_000)), warm: Number(flag('--warm', 2)) };
  const top = Number(flag('--top', 4));
  const only = flag('--only', null)?.split(',') ?? null;
  const names = ['baseline', ...marketScenarios().map((s) => s.name)].filter((n) => only === null || only.includes(n));
  const load0 = os.loadavg()[0].toFixed(1);
  const rows = [];
  for (const name of names) {
    process.stderr.write(`[profile] ${name}: ${plan.warm + 1} runs of ${plan.slots} slots under --cpu-prof\n`);
    rows.push(profileRow(name, profileOne(name, plan), top));
  }
  const out = [
    `node bench/profileScenarios.js --slots ${plan.slots} --warm ${plan.warm} (load average ${load0} → ${os.loadavg()[0].toFixed(1)}; shares of all samples)`,
    '',
    '| scenario | GC | top self time in the model (src/) | slot phases, total time |',
    '|---|---|---|---|',
    ...rows,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}
