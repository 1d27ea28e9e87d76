// The fuzz property for one config, run inside a worker thread against the built library (dist/).
// A config is either rejected (resolveConfig throws a UserInputError with a one-paragraph message
// of at most MAX_MESSAGE characters) or accepted and then runs with no exception and only finite
// numbers (null only where summary.json documents it).
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

export const MAX_MESSAGE = 2000;

/** A string value standing for deep nesting in a generated config (see `expandDeep`). */
export const DEEP_MARKER = '\u0000deep:';

/** Replaces each deep-nesting marker in JSON text by that many levels of alternating `[` and `{"a":`. */
export function expandDeep(json) {
  return json.replace(/"\\u0000deep:(\d+)"/g, (_, n) => {
    const depth = Math.min(Number(n), 100_000);
    let open = '';
    let close = '';
    for (let i = depth - 1; i >= 0; i--) {
      open += i % 2 === 0 ? '[' : '{"a":';
      close = (i % 2 === 0 ? ']' : '}') + close;
    }
    return `${open}1${close}`;
  });
}

/** Loads the library and the documented-summary fields from a dist folder. */
export async function loadApi(distDir) {
  const api = await import(pathToFileURL(join(distDir, 'index.js')).href);
  const { documentedSummaryFields } = await import(pathToFileURL(join(distDir, 'marketModel', 'summaryFields.js')).href);
  const nullable = new Set();
  for (const f of documentedSummaryFields()) {
    if (!/\bnull\b/.test(f.meaning)) continue;
    nullable.add(f.path);
    // "the whole entry is null when the detector is off"
    if (/whole entry is null/.test(f.meaning)) nullable.add(f.path.split('.').slice(0, -1).join('.'));
  }
  const { MarketRun } = await import(pathToFileURL(join(distDir, 'marketModel', 'marketRun.js')).href);
  return { api, nullable, MarketRun };
}

/**
 * The top stack frame of an error ("fn (dist/x/y.js:12:3)"), relative to the repo; when that frame
 * is not seqsim's (JSON.stringify, Array.from, …), followed by the first one that is.
 */
export function topFrame(err) {
  const stack = typeof err?.stack === 'string' ? err.stack : '';
  const frames = stack
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .map((l) => l.trim().replace(/^at /, '').replace(/file:\/\/[^ )]*?\/(dist|src|scripts|node_modules)\//, '$1/'));
  if (frames.length === 0) return '(no stack)';
  const own = frames.find((f) => /\b(dist|src)\//.test(f));
  return own && own !== frames[0] ? `${frames[0]} ← ${own}` : frames[0];
}

/** An error message with its numbers and quoted values blanked, for grouping failures by cause. */
export function normalizeMessage(message) {
  return String(message)
    .slice(0, 300)
    .replace(/"[^"]{0,200}"/g, '"…"')
    .replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/gi, '#')
    .replace(/\s+/g, ' ');
}

const frameKey = (frame) => frame.replace(/:\d+:\d+\)?/g, '').replace(/ \(/g, ' @ ');

/** What a thrown value tells: name, message (capped), top frame. */
export function describeError(err) {
  const name = err?.name ?? typeof err;
  const message = String(err?.message ?? err).slice(0, 500);
  return { name, message, frame: topFrame(err) };
}

/** Why a UserInputError message is not a good one paragraph, or null. */
export function messageProblem(message) {
  if (typeof message !== 'string' || message.length === 0) return 'empty message';
  if (message.length > MAX_MESSAGE) return `message longer than ${MAX_MESSAGE} characters`;
  if (/\n/.test(message)) return 'message spans several lines';
  if (/\bat [^ ]*\.(m?js|ts):\d+/.test(message) || /\((file:\/\/)?\/[^)]*:\d+:\d+\)/.test(message)) return 'message carries a stack frame';
  return null;
}

/** Every non-finite number (and unexpected null) in `v`; `path` uses `[]` for list elements. */
function nonFinite(v, path, nullable, out) {
  if (out.length >= 5) return out;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) out.push(`${path || '(value)'} = ${v}`);
  } else if (v === null) {
    if (!nullable(path)) out.push(`${path} = null`);
  } else if (Array.isArray(v)) {
    for (const x of v) nonFinite(x, `${path}[]`, nullable, out);
  } else if (typeof v === 'object') {
    for (const k of Object.keys(v)) nonFinite(v[k], path ? `${path}.${k}` : k, nullable, out);
  }
  return out;
}

/** A short hash of the resolved config (without description): equal configs run alike. */
export function configKey(config) {
  const { description: _d, $schema: _s, ...rest } = config;
  return createHash('sha1').update(JSON.stringify(rest)).digest('hex');
}

/**
 * Validates `json` (a config as JSON text). Returns `{ outcome: 'rejected' }`, a failure
 * (`validation-exception`, `bad-message`, `accepted-invalid`: accepted though an id is given twice)
 * or `{ outcome: 'accepted', config, key }`.
 */
export function validate(loaded, json) {
  const { api } = loaded;
  let raw;
  try {
    raw = JSON.parse(expandDeep(json));
  } catch (err) {
    return { outcome: 'invalid-json', error: describeError(err) };
  }
  let config;
  try {
    config = api.resolveConfig(raw, { source: '(fuzz case)' });
  } catch (err) {
    if (!(err instanceof api.UserInputError)) {
      const e = describeError(err);
      return { outcome: 'validation-exception', signature: `${e.name}: ${normalizeMessage(e.message)} at ${frameKey(e.frame)}`, error: e };
    }
    const problem = messageProblem(err.message);
    if (problem) return { outcome: 'bad-message', signature: `UserInputError ${problem}`, error: { name: err.name, message: err.message.slice(0, 500), frame: topFrame(err), length: err.message.length } };
    return { outcome: 'rejected', message: err.message };
  }
  const dup = duplicateId(config);
  if (dup) return { outcome: 'accepted-invalid', signature: `duplicate ${dup.list} id accepted`, error: { name: 'Accepted', message: `${dup.list} has two entries with id ${JSON.stringify(dup.id).slice(0, 80)}`, frame: '' } };
  return { outcome: 'accepted', config, key: configKey(config) };
}

/** The first id given twice in one of the config's lists of named things, or null. */
function duplicateId(config) {
  for (const list of ['rollups', 'searchers', 'builders', 'validators']) {
    const seen = new Set();
    for (const item of Array.isArray(config[list]) ? config[list] : []) {
      if (typeof item?.id !== 'string') continue;
      if (seen.has(item.id)) return { list, id: item.id };
      seen.add(item.id);
    }
  }
  return null;
}

/** Slots stepped between two looks at the clock. */
const CHUNK = 10;

/**
 * Runs an accepted config: `slots` slots of a market config (stepped through MarketRun with the
 * rows streamed, as slots.csv gets them), `auctions` auctions of a bidding war. With `budgetMs`, a
 * run whose pace projects past 1.5 × the budget stops early and counts as a hang (the parent's
 * timer still ends a run stuck inside one slot).
 */
export function runAccepted(loaded, config, { slots = 200, auctions = 20, budgetMs } = {}) {
  const { api, nullable, MarketRun } = loaded;
  let problems = [];
  try {
    if (config.kind === 'bidding-war') {
      const { summary } = api.runBiddingWar({ ...config, auctions });
      problems = nonFinite(summary, '', (p) => /(^|\.)mean[A-Za-z]*$/.test(p), []).map((p) => `summary ${p}`);
    } else {
      const onRow = (row) => {
        if (problems.length > 0) return;
        const found = nonFinite(row, '', () => false, []);
        if (found.length > 0) problems = found.map((p) => `slots.csv column ${p} (slot ${row.slot}, rollup ${row.rollup})`);
      };
      const run = MarketRun.start({ ...config, slots }, { onRow });
      const started = Date.now();
      for (let done = 0; done < slots; ) {
        done = Math.min(slots, done + CHUNK);
        run.step(done);
        const elapsed = Date.now() - started;
        const projected = (elapsed * slots) / done;
        if (budgetMs !== undefined && elapsed > 1000 && projected > 1.5 * budgetMs)
          return { outcome: 'hang', signature: `hang (over ${budgetMs / 1000} s)`, error: { name: 'Timeout', message: `${done} slots took ${elapsed} ms: about ${Math.round(projected)} ms for ${slots}`, frame: '' } };
      }
      const summary = run.result();
      if (problems.length === 0) problems = nonFinite(summary, '', (p) => nullable.has(p), []).map((p) => `summary ${p}`);
    }
  } catch (err) {
    const e = describeError(err);
    return { outcome: 'crash', signature: `${e.name}: ${normalizeMessage(e.message)} at ${frameKey(e.frame)}`, error: e };
  }
  if (problems.length > 0) {
    const first = problems[0].replace(/ \(slot .*\)$/, '').replace(/ = .*$/, '');
    return { outcome: 'non-finite', signature: `non-finite ${first}`, error: { name: 'NonFinite', message: problems.join('; '), frame: '' } };
  }
  return { outcome: 'ok' };
}
