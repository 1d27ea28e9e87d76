// Where the time goes: runs the baseline under `node --cpu-prof` in a child process and
// summarises the profile (bench/summarizeProfile.js). The .cpuprofile stays in bench/profiles/
// (git-ignored) for Chrome DevTools > Performance > Load profile.
//
//   node bench/profile.js [--slots N] [--interval-us U] [--top N]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatProfileSummary, summarizeProfile } from './summarizeProfile.js';

const BENCH = fileURLToPath(new URL('.', import.meta.url));
export const PROFILE_DIR = path.join(BENCH, 'profiles');

/**
 * Runs `script` (a file in bench/) with `args` under `node --cpu-prof` (sampling every `intervalUs`
 * µs) in a child process, writes bench/profiles/`name`, and returns the summary and the profile's
 * path. Throws with the child's stderr if the child fails.
 */
export function profileChild({ script, args, name, intervalUs = 200, top = 20 }) {
  mkdirSync(PROFILE_DIR, { recursive: true });
  const child = spawnSync(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${name}`, `--cpu-prof-interval=${intervalUs}`, path.join(BENCH, script), ...args],
    { encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(`profiling child exited with ${child.status}: ${child.stderr}`);
  const file = path.join(PROFILE_DIR, name);
  const summary = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')), { top });
  return { file, summary, childLog: child.stderr.trim() };
}

/** Profiles `slots` baseline slots (`profileChild` on bench/runBaseline.js). */
export function profileBaseline({ slots = 100_000, intervalUs = 200, top = 20 } = {}) {
  return profileChild({ script: 'runBaseline.js', args: [String(slots)], name: `baseline-${slots}.cpuprofile`, intervalUs, top });
}

function flag(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const slots = flag('--slots', 100_000);
  const { file, summary, childLog } = profileBaseline({ slots, intervalUs: flag('--interval-us', 200), top: flag('--top', 20) });
  process.stdout.write(`CPU profile of ${slots.toLocaleString('en-US')} baseline slots (${childLog})\n`);
  process.stdout.write(`${formatProfileSummary(summary).join('\n')}\n\nprofile: ${path.relative(process.cwd(), file)}\n`);
}
