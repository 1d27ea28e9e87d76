// Summarises a V8 .cpuprofile (what `node --cpu-prof` writes): self and total time per function,
// self time per source area, and total time per slot phase. Locations in dist/ are mapped back to
// src/*.ts through the build's source maps.
//
//   node bench/summarizeProfile.js FILE.cpuprofile [--top N]
//
// Self time = samples whose top frame is the function; total (inclusive) time = samples with the
// function anywhere on the stack, counted once per sample even under recursion. Each sample lasts
// until the next one (Chrome DevTools' convention).
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const SPECIAL = new Set(['(garbage collector)', '(program)', '(idle)', '(root)']);

const sourceMaps = new Map();
function sourceMapFor(url) {
  if (sourceMaps.has(url)) return sourceMaps.get(url);
  let entry = null;
  if (url.startsWith('file://') && url.endsWith('.js')) {
    const mapFile = `${fileURLToPath(url)}.map`;
    if (existsSync(mapFile)) {
      try {
        entry = { map: new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))), dir: path.dirname(mapFile) };
      } catch {
        entry = null;
      }
    }
  }
  sourceMaps.set(url, entry);
  return entry;
}

/** A path relative to the repository, or `pkg/file` for dependencies, or the URL as is. */
function shortPath(file) {
  const rel = path.relative(REPO, file);
  const nm = rel.lastIndexOf('node_modules/');
  if (nm >= 0) return rel.slice(nm + 'node_modules/'.length);
  return rel.startsWith('..') ? file : rel;
}

/** "src/marketModel/phases/search.ts:37" for a call frame, via the source map when there is one. */
function frameLocation(cf) {
  if (!cf.url) return { file: '', line: 0 };
  const sm = sourceMapFor(cf.url);
  if (sm && cf.lineNumber >= 0) {
    const e = sm.map.findEntry(cf.lineNumber, Math.max(0, cf.columnNumber));
    if (e && e.originalSource) return { file: shortPath(path.resolve(sm.dir, e.originalSource)), line: e.originalLine + 1 };
  }
  const file = cf.url.startsWith('file://') ? shortPath(fileURLToPath(cf.url)) : cf.url;
  return { file, line: cf.lineNumber + 1 };
}

/** Where a frame's self time is booked: a src/ folder, a dependency, Node internals or V8. */
function areaOf(name, file) {
  if (SPECIAL.has(name)) return name;
  if (!file) return '(V8 builtins / native)';
  if (file.startsWith('node:')) return '(Node internals)';
  if (file.startsWith('src/') || file.startsWith('dist/') || file.startsWith('bench/')) return path.dirname(file);
  if (!file.startsWith('/')) return file.startsWith('@') ? file.split('/').slice(0, 2).join('/') : file.split('/')[0];
  return file;
}

/**
 * A slot phase: the step function a src/marketModel/phases/*.ts factory returns (`return (world, …)
 * => {`, anonymous in the profile), a phase object's `run(state, ctx) {` method, or an exported
 * function of a phases file that the slot step in src/marketModel/marketModel.ts calls on the world
 * (`settleSlot(world, …)`, `learnFromSlot(world, …)`; not the factories, called with the runtime). Told apart from helpers by the function's source line.
 */
let stepSource = null;
function isPhaseRun(f) {
  if (!f.file.startsWith('src/marketModel/phases/')) return false;
  try {
    const line = readFileSync(path.join(REPO, f.file), 'utf8').split('\n')[f.line - 1] ?? '';
    if (f.name === '(anonymous)') return /^\s*return \([^)]*\) => \{/.test(line);
    if (f.name === 'run') return /^\s*run\s*\(/.test(line);
    stepSource ??= readFileSync(path.join(REPO, 'src/marketModel/marketModel.ts'), 'utf8');
    return /^export function /.test(line) && new RegExp(`\\b${f.name}\\(world\\b`).test(stepSource);
  } catch {
    return false;
  }
}

/** A phase's label: its file, and the function's name when the file has more than one phase. */
function phaseLabel(f) {
  const file = path.basename(f.file, '.ts');
  return f.name === '(anonymous)' || f.name === 'run' ? file : `${file} ${f.name}`;
}

/** Per-sample durations in µs: each sample lasts until the next (the last until endTime). */
function sampleDurations(profile) {
  const { samples, timeDeltas, startTime, endTime } = profile;
  const out = new Float64Array(samples.length);
  let t = startTime;
  const stamps = timeDeltas.map((d) => (t += d));
  for (let i = 0; i < samples.length; i++) out[i] = (i + 1 < samples.length ? stamps[i + 1] : endTime) - stamps[i];
  return out;
}

/**
 * The summary of a parsed .cpuprofile: `totalMs`, the `top` functions by self time, self time per
 * `area`, total time per slot `phase` (`isPhaseRun`), and the
 * GC's share.
 */
export function summarizeProfile(profile, { top = 20 } = {}) {
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const fn = new Map(); // key -> { name, file, line, area, selfUs, totalUs }
  const keyOf = new Map();
  for (const n of profile.nodes) {
    const name = n.callFrame.functionName || '(anonymous)';
    const { file, line } = frameLocation(n.callFrame);
    const key = `${name}\u0000${file}:${line}`;
    keyOf.set(n.id, key);
    if (!fn.has(key)) fn.set(key, { name, file, line, area: areaOf(name, file), selfUs: 0, totalUs: 0 });
  }
  const selfByNode = new Map();
  const durations = sampleDurations(profile);
  profile.samples.forEach((id, i) => selfByNode.set(id, (selfByNode.get(id) ?? 0) + durations[i]));
  let totalUs = 0;
  for (const [id, us] of selfByNode) {
    totalUs += us;
    fn.get(keyOf.get(id)).selfUs += us;
    const seen = new Set();
    for (let a = id; a !== undefined; a = parent.get(a)) {
      const k = keyOf.get(a);
      if (!seen.has(k)) {
        seen.add(k);
        fn.get(k).totalUs += us;
      }
    }
  }
  const all = [...fn.values()].filter((f) => f.name !== '(root)');
  const areas = new Map();
  for (const f of all) areas.set(f.area, (areas.get(f.area) ?? 0) + f.selfUs);
  const phases = all.filter(isPhaseRun).map((f) => ({ phase: phaseLabel(f), file: `${f.file}:${f.line}`, totalUs: f.totalUs }));
  const gc = fn.get([...fn.keys()].find((k) => k.startsWith('(garbage collector)\u0000')))?.selfUs ?? 0;
  return {
    totalMs: totalUs / 1000,
    sampleCount: profile.samples.length,
    gcShare: gc / totalUs,
    top: all.sort((a, b) => b.selfUs - a.selfUs).slice(0, top).map((f) => ({
      name: f.name,
      location: f.file ? `${f.file}:${f.line}` : '',
      selfShare: f.selfUs / totalUs,
      totalShare: f.totalUs / totalUs,
    })),
    areas: [...areas].map(([area, us]) => ({ area, selfShare: us / totalUs })).sort((a, b) => b.selfShare - a.selfShare),
    phases: phases.map((p) => ({ ...p, totalShare: p.totalUs / totalUs })).sort((a, b) => b.totalShare - a.totalShare),
  };
}

const pc = (x) => `${(100 * x).toFixed(1).padStart(5)}%`;

/** The summary as report lines (top functions, areas, phases). */
export function formatProfileSummary(s, { areas = 12 } = {}) {
  const lines = [];
  lines.push(`profiled ${(s.totalMs / 1000).toFixed(2)} s in ${s.sampleCount.toLocaleString('en-US')} samples; garbage collector ${pc(s.gcShare).trim()} of it`);
  lines.push('', 'top functions by self time', '   self   total  function                          location');
  for (const f of s.top) lines.push(`  ${pc(f.selfShare)}  ${pc(f.totalShare)}  ${f.name.padEnd(32).slice(0, 32)}  ${f.location}`);
  lines.push('', 'self time by area', '   self  area');
  for (const a of s.areas.slice(0, areas)) lines.push(`  ${pc(a.selfShare)}  ${a.area}`);
  if (s.phases.length) {
    lines.push('', 'total time by slot phase (the step each phases file returns, and the phase functions the slot step calls)', '  total  phase');
    for (const p of s.phases) lines.push(`  ${pc(p.totalShare)}  ${p.phase.padEnd(26)} ${p.file}`);
  }
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node bench/summarizeProfile.js FILE.cpuprofile [--top N]\n');
    process.exit(2);
  }
  const i = process.argv.indexOf('--top');
  const top = i > 0 ? Number(process.argv[i + 1]) : 20;
  const summary = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')), { top });
  process.stdout.write(`${formatProfileSummary(summary).join('\n')}\n`);
}
