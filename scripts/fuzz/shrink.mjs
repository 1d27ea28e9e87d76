// Greedy reduction of a failing config: delete fields and list elements, shorten long strings and
// keys, flatten deep nesting, simplify numbers, keeping each step that still fails with the same
// signature.
import { createHash } from 'node:crypto';

const isContainer = (v) => v !== null && typeof v === 'object';

function put(obj, key, value) {
  if (Array.isArray(obj) && typeof key === 'number') obj[key] = value;
  else Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function depthOf(v, limit = 10_000) {
  let d = 0;
  while (isContainer(v) && d < limit) {
    const keys = Object.keys(v);
    if (keys.length !== 1) return d + (keys.length > 0 ? 1 : 0);
    v = v[keys[0]];
    d++;
  }
  return d;
}

function descend(v, n) {
  for (let i = 0; i < n && isContainer(v); i++) v = v[Object.keys(v)[0]];
  return v;
}

/** Candidate reductions of `config`, biggest first, each as a function building a new config. */
function* candidates(config) {
  const text = JSON.stringify(config);
  const paths = [];
  const walk = (v, at) => {
    if (!isContainer(v) || at.length > 40) return;
    for (const k of Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v)) {
      paths.push([...at, k]);
      walk(v[k], [...at, k]);
    }
  };
  walk(config, []);
  paths.sort((a, b) => a.length - b.length);
  const edit = (path, f) => () => {
    const copy = JSON.parse(text);
    let parent = copy;
    for (const k of path.slice(0, -1)) parent = parent[k];
    f(parent, path.at(-1));
    return copy;
  };
  for (const p of paths) {
    yield edit(p, (parent, k) => (Array.isArray(parent) ? parent.splice(k, 1) : delete parent[k]));
  }
  for (const p of paths) {
    const v = p.reduce((o, k) => o[k], config);
    const k = p.at(-1);
    const deep = typeof v === 'string' ? /^\u0000deep:(\d+)$/.exec(v) : null;
    if (deep && Number(deep[1]) > 1) yield edit(p, (parent, key) => put(parent, key, `\u0000deep:${Math.floor(Number(deep[1]) / 2)}`));
    else if (typeof v === 'string' && v.length > 8) yield edit(p, (parent, key) => put(parent, key, v.slice(0, Math.ceil(v.length / 4))));
    if (typeof k === 'string' && k.length > 8)
      yield edit(p, (parent, key) => {
        const val = parent[key];
        delete parent[key];
        put(parent, key.slice(0, Math.ceil(key.length / 4)), val);
      });
    if (typeof v === 'number' && v !== 0 && v !== 1) {
      // Simpler numbers: 1, then the value rounded to 2 significant digits.
      yield edit(p, (parent, key) => put(parent, key, 1));
      const r = Number(v.toPrecision(2));
      if (r !== v) yield edit(p, (parent, key) => put(parent, key, r));
    }
    const d = depthOf(v);
    if (d > 4) yield edit(p, (parent, key) => put(parent, key, descend(v, Math.floor(d / 2))));
  }
}

/**
 * Reduces `json` while `stillFails(candidateJson)` resolves true; at most `maxAttempts` runs and
 * `maxMs` of wall time. Returns the smallest failing JSON found.
 */
export async function shrinkConfig(json, stillFails, { maxAttempts = 200, maxMs = 60_000 } = {}) {
  let best = JSON.parse(json);
  let attempts = 0;
  const started = Date.now();
  let improved = true;
  const tried = new Set();
  while (improved && attempts < maxAttempts && Date.now() - started < maxMs) {
    improved = false;
    for (const make of candidates(best)) {
      if (attempts >= maxAttempts || Date.now() - started >= maxMs) break;
      const next = make();
      const nextJson = JSON.stringify(next);
      if (nextJson.length >= JSON.stringify(best).length) continue;
      const hash = createHash('sha1').update(nextJson).digest('hex');
      if (tried.has(hash)) continue;
      tried.add(hash);
      attempts++;
      if (await stillFails(nextJson)) {
        best = next;
        improved = true;
        break;
      }
    }
  }
  return JSON.stringify(best);
}
