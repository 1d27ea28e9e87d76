// fast-check generators of seqsim configs for the fuzz suite (test/fuzz, scripts/fuzz.mjs):
// (a) mutations of the shipped configs, (b) random valid-looking market configs from scratch.
// Plain JS (the fuzz script runs on dist/ without a TypeScript loader); types in arbitraries.d.mts.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { DEEP_MARKER } from './checkCase.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Every shipped config: configs/baseline.json and configs/scenarios/*.json, with their kinds. */
export function shippedConfigs() {
  const files = ['configs/baseline.json', ...readdirSync(join(root, 'configs/scenarios')).filter((f) => f.endsWith('.json')).sort().map((f) => `configs/scenarios/${f}`)];
  return files.map((file) => {
    const config = JSON.parse(readFileSync(join(root, file), 'utf8'));
    return { file, kind: config.kind ?? 'market', config };
  });
}

/** Ids that are inherited property names of plain objects (or otherwise special). */
export const specialIds = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'isPrototypeOf', '0', '-', '_'];

/** Sets `obj[key] = value` as an own, enumerable property (so `__proto__` stays data, as JSON.parse makes it). */
function put(obj, key, value) {
  if (Array.isArray(obj) && typeof key === 'number') obj[key] = value;
  else Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

const clone = (v) => JSON.parse(JSON.stringify(v));
const isContainer = (v) => v !== null && typeof v === 'object';

/** Every path into `v` (not the root), depth first; `keep(value, path)` filters. */
function pathsOf(v, keep = () => true, at = [], out = []) {
  if (!isContainer(v)) return out;
  const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  for (const k of keys) {
    const p = [...at, k];
    const child = v[k];
    if (keep(child, p)) out.push(p);
    if (p.length < 12) pathsOf(child, keep, p, out);
  }
  return out;
}

function getAt(v, path) {
  for (const k of path) v = v[k];
  return v;
}

const pick = (list, n) => (list.length === 0 ? undefined : list[n % list.length]);

/**
 * Nesting `depth` levels deep, alternating lists and objects, as a marker string that
 * `expandDeep` turns into the nested JSON text (JSON.stringify itself overflows the stack on a few
 * thousand levels; JSON.parse does not).
 */
export const deepNesting = (depth) => `${DEEP_MARKER}${depth}`;

const longString = fc.constantFrom(200, 5_000, 100_000, 1_000_000).map((n) => 'x'.repeat(n));

/** A value of a random type: huge, tiny, negative, zero, numbers as strings, long strings, deep nesting, … */
export const weirdValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(0, -1, 1, 2, 0.5, 1e308, -1e308, 1e12, 1e9, 1e5, 1e-12, 1e-300, 5e-324, 2 ** 53, 2 ** 31, -0.001, 1.5) },
  { weight: 2, arbitrary: fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e999', '1', '', 'null', 'true') },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, [], {}, [1, 2], { a: 1 }) },
  { weight: 2, arbitrary: fc.double({ min: -1e15, max: 1e15, noNaN: true }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(...specialIds) },
  { weight: 1, arbitrary: longString },
  { weight: 1, arbitrary: fc.constantFrom(10, 500, 5_000).map(deepNesting) },
);

/** Keys to add where the schema does not expect them. */
const unknownKey = fc.oneof(fc.constantFrom(...specialIds, 'extra', 'Rollups', 'seeds', 'kind2', 'name'), fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom(2_000, 1_000_000).map((n) => 'k'.repeat(n)));

/** One mutation; `at` picks among the candidate paths (modulo their number) when applied. */
const mutation = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('set'), at: fc.nat(), value: weirdValue }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('scale'), at: fc.nat(), exp: fc.integer({ min: -14, max: 14 }), negate: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete'), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('addKey'), at: fc.nat(), key: unknownKey, value: weirdValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('dupElem'), at: fc.nat(), elem: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dupId'), at: fc.nat(), from: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('renameId'), at: fc.nat(), id: fc.oneof(fc.constantFrom(...specialIds), fc.string({ minLength: 1, maxLength: 6 })) }) },
);

/** Replaces every string equal to `from` (and every key named `from`) by `to`. */
function renameEverywhere(v, from, to) {
  if (Array.isArray(v)) return v.map((x) => renameEverywhere(x, from, to));
  if (isContainer(v)) {
    const out = {};
    for (const k of Object.keys(v)) put(out, k === from ? to : k, renameEverywhere(v[k], from, to));
    return out;
  }
  return v === from ? to : v;
}

/** Applies one mutation to `config` (mutated in place where possible); returns the new config and a label. */
export function applyMutation(config, m) {
  switch (m.op) {
    case 'set': {
      const path = pick(pathsOf(config), m.at);
      if (!path) return [config, 'set: nothing'];
      put(getAt(config, path.slice(0, -1)), path.at(-1), clone(m.value));
      return [config, `set ${path.join('.')}`];
    }
    case 'scale': {
      const path = pick(pathsOf(config, (v) => typeof v === 'number'), m.at);
      if (!path) return [config, 'scale: nothing'];
      const parent = getAt(config, path.slice(0, -1));
      const old = parent[path.at(-1)];
      const next = (old === 0 ? 1 : old) * 10 ** m.exp * (m.negate ? -1 : 1);
      put(parent, path.at(-1), Number.isFinite(next) ? next : 1e308);
      return [config, `scale ${path.join('.')} by ${m.negate ? '-' : ''}1e${m.exp}`];
    }
    case 'delete': {
      const path = pick(pathsOf(config), m.at);
      if (!path) return [config, 'delete: nothing'];
      const parent = getAt(config, path.slice(0, -1));
      if (Array.isArray(parent)) parent.splice(path.at(-1), 1);
      else delete parent[path.at(-1)];
      return [config, `delete ${path.join('.')}`];
    }
    case 'addKey': {
      const objects = [[], ...pathsOf(config, (v) => isContainer(v) && !Array.isArray(v))];
      const path = pick(objects, m.at);
      put(getAt(config, path), m.key, clone(m.value));
      return [config, `add key ${m.key.length > 20 ? `${m.key.slice(0, 10)}…(${m.key.length})` : m.key} at ${path.join('.') || '(root)'}`];
    }
    case 'dupElem': {
      const path = pick(pathsOf(config, (v) => Array.isArray(v) && v.length > 0), m.at);
      if (!path) return [config, 'dupElem: nothing'];
      const arr = getAt(config, path);
      arr.push(clone(arr[m.elem % arr.length]));
      return [config, `duplicate an element of ${path.join('.')}`];
    }
    case 'dupId': {
      // Give an element of a list the id of a sibling (rollups, searchers, builders, validators).
      const lists = pathsOf(config, (v) => Array.isArray(v) && v.filter((x) => isContainer(x) && typeof x.id === 'string').length >= 2);
      const path = pick(lists, m.at);
      if (!path) return [config, 'dupId: nothing'];
      const arr = getAt(config, path).filter((x) => isContainer(x) && typeof x.id === 'string');
      const a = arr[m.from % arr.length];
      const b = arr[(m.from + 1) % arr.length];
      b.id = a.id;
      return [config, `duplicate id ${a.id} in ${path.join('.')}`];
    }
    case 'renameId': {
      // Rename an id (a rollup's, a searcher's, a builder's, a validator's) and every reference to it.
      const idPaths = pathsOf(config, (v, p) => p.at(-1) === 'id' && typeof v === 'string');
      const path = pick(idPaths, m.at);
      if (!path) return [config, 'renameId: nothing'];
      const from = getAt(config, path);
      return [renameEverywhere(config, from, m.id), `rename id ${from} to ${m.id.length > 20 ? `${m.id.slice(0, 10)}…` : m.id}`];
    }
    default:
      throw new Error(`unknown mutation ${m.op}`);
  }
}

/** Mutations (1–3) of the shipped configs of the given kinds. Yields `{ config, label }`. */
export function mutatedConfig(kinds = ['market', 'bidding-war']) {
  const bases = shippedConfigs().filter((b) => kinds.includes(b.kind));
  return fc.record({ base: fc.nat({ max: bases.length - 1 }), ops: fc.array(mutation, { minLength: 1, maxLength: 3 }) }).map(({ base, ops }) => {
    const b = bases[base];
    let config = clone(b.config);
    const labels = [];
    for (const op of ops) {
      const [next, label] = applyMutation(config, op);
      config = next;
      labels.push(label);
    }
    return { config, label: `${b.file}: ${labels.join('; ')}` };
  });
}

// ---------------------------------------------------------------------------------------------
// (b) Random valid-looking market configs from scratch.

/** 10^u with u uniform in [lo, hi]. */
const logUniform = (lo, hi) => fc.double({ min: lo, max: hi, noNaN: true }).map((u) => Number((10 ** u).toPrecision(6)));
const unit = fc.double({ min: 0, max: 1, noNaN: true }).map((x) => Number(x.toPrecision(4)));
const opt = (arb) => fc.option(arb, { nil: undefined, freq: 3 });
/** An object without its undefined fields. */
const compact = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const rollupIds = fc.uniqueArray(fc.oneof({ weight: 6, arbitrary: fc.constantFrom('A', 'B', 'C', 'D', 'r1', 'rollup_2', 'x-y') }, { weight: 1, arbitrary: fc.constantFrom('constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty') }), { minLength: 1, maxLength: 4 });

const rollupArb = (id) =>
  fc
    .record({
      gasToken: fc.constantFrom('X', 'Y'),
      pool: fc.record({ reserveX: logUniform(-3, 9), reserveY: logUniform(-3, 12), fee: opt(fc.oneof(fc.constant(0), logUniform(-5, -0.01))) }),
      users: opt(
        fc.record(
          {
            arrivalsPerSlot: fc.oneof(fc.constant(0), logUniform(-2, 2.7)),
            medianSizeY: logUniform(-3, 12),
            sizeLogSd: fc.double({ min: 0, max: 5, noNaN: true }),
            buyXProbability: unit,
            slippageTolerance: fc.oneof(fc.constant(0), logUniform(-5, 1)),
            privateFraction: unit,
          },
          { requiredKeys: [] },
        ),
      ),
      feeModel: opt(
        fc.record(
          {
            initialBaseFeePerByte: fc.oneof(fc.constant(0), logUniform(-12, 1)),
            minBaseFeePerByte: fc.oneof(fc.constant(0), logUniform(-12, -3)),
            targetBytesPerBlock: logUniform(0, 6),
            maxChangeDenominator: logUniform(-1, 3),
            bytesPerSwap: logUniform(0, 4),
          },
          { requiredKeys: [] },
        ),
      ),
      ordering: opt(fc.constantFrom('auction', 'fcfs', 'encrypted', 'timeboost', 'priority-fee')),
      inclusionFailureProbability: opt(unit),
    })
    .map((r) => compact({ id, ...r, pool: compact(r.pool) }));

/** A grid of actions: sorted, distinct, non-negative (shading factors up to 2, or bids in Y). */
const gridArb = fc.uniqueArray(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: 1, maxLength: 12 }).map((g) => [...g].sort((a, b) => a - b));
const learnerCommon = { grid: gridArb, actions: fc.constantFrom('shading', 'absolute') };

/** A bidder's strategy: mostly the default, else any of the others with random parameters. */
export const strategyArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ name: 'fixed-fraction' }) },
  { weight: 1, arbitrary: fc.constant({ name: 'truthful' }) },
  { weight: 2, arbitrary: fc.record({ name: fc.constant('equilibrium'), rivals: fc.constantFrom('exact', 'history') }, { requiredKeys: ['name'] }) },
  { weight: 1, arbitrary: fc.record({ name: fc.constant('epsilon-greedy'), epsilon: unit, ...learnerCommon }, { requiredKeys: ['name'] }) },
  { weight: 1, arbitrary: fc.record({ name: fc.constant('ucb1'), ...learnerCommon }, { requiredKeys: ['name'] }) },
  { weight: 1, arbitrary: fc.record({ name: fc.constant('exp3'), gamma: fc.double({ min: 1e-3, max: 1, noNaN: true }), ...learnerCommon }, { requiredKeys: ['name'] }) },
  { weight: 1, arbitrary: fc.record({ name: fc.constant('hedge'), learningRate: logUniform(-3, 2), ...learnerCommon }, { requiredKeys: ['name'] }) },
  {
    weight: 1,
    arbitrary: fc.record(
      { name: fc.constant('q-learning'), learningRate: fc.double({ min: 1e-3, max: 1, noNaN: true }), discount: fc.double({ min: 0, max: 0.99, noNaN: true }), epsilon: unit, epsilonDecay: fc.oneof(fc.constant(0), logUniform(-6, 0)), ...learnerCommon },
      { requiredKeys: ['name'] },
    ),
  },
);

/** How bidders learn and are recorded. */
const biddingArb = fc.record(
  { feedback: fc.constantFrom('own', 'winning-bid', 'min-to-win', 'all-bids'), windowSlots: fc.integer({ min: 1, max: 500 }), regret: fc.boolean(), historyWeight: fc.double({ min: 0.01, max: 1, noNaN: true }) },
  { requiredKeys: [] },
);

/** A latency distribution around a base (searchers' latencyJitter, builders' bidTimeJitter). */
const jitterArb = fc.oneof(
  fc.record({ dist: fc.constant('normal'), sdMs: fc.oneof(fc.constant(0), logUniform(-1, 5)), cv: fc.oneof(fc.constant(0), logUniform(-3, 2)) }, { requiredKeys: ['dist'] }),
  fc.record({ dist: fc.constant('lognormal'), sigma: fc.double({ min: 0, max: 5, noNaN: true }) }, { requiredKeys: ['dist'] }),
  fc.record({ dist: fc.constant('exponential'), meanMs: fc.oneof(fc.constant(0), logUniform(-1, 6)) }, { requiredKeys: ['dist'] }),
  fc.record({ dist: fc.constant('empirical'), samplesMs: fc.array(fc.oneof(fc.constant(0), logUniform(-1, 6)), { minLength: 1, maxLength: 8 }) }),
);

/** Capital: finance fits every kind; forbid only kinds that size their own trade (`canForbid`). */
const capitalArb = (canForbid) =>
  fc.record(
    {
      initialX: fc.oneof(fc.constant(0), logUniform(-3, 6)),
      initialY: fc.oneof(fc.constant(0), logUniform(-3, 9)),
      negative: canForbid ? fc.constantFrom('forbid', 'finance') : fc.constant('finance'),
      financeRatePerSlot: fc.oneof(fc.constant(0), logUniform(-8, 0)),
    },
    { requiredKeys: ['negative'] },
  ).map((c) => (c.negative === 'forbid' ? { ...c, financeRatePerSlot: undefined } : c)).map(compact);

/** The CEX a hedging searcher trades on. */
const cexArb = fc.record({ feeBp: fc.double({ min: 0, max: 10_000, noNaN: true }), depthY: logUniform(-2, 9) }, { requiredKeys: [] });

const searcherCommon = (builderIds) =>
  fc.record(
    {
      bidFraction: unit,
      strategy: strategyArb,
      ...(builderIds.length > 0 ? { choices: fc.record({ learner: fc.constantFrom({ name: 'ucb1' }, { name: 'exp3' }, { name: 'epsilon-greedy', epsilon: 0.2 }), exclusiveBuilder: fc.constant([...builderIds, null]) }) } : {}),
      minProfitY: fc.oneof(fc.constant(0), logUniform(-6, 6)),
      latencyMs: fc.oneof(fc.constant(0), logUniform(-1, 5)),
      latencyJitter: jitterArb,
      colocationMs: fc.oneof(fc.constant(0), logUniform(-1, 5)),
      ...(builderIds.length > 0 ? { exclusiveBuilder: fc.constantFrom(...builderIds) } : {}),
    },
    { requiredKeys: [] },
  );

const searchersArb = (ids, builderIds) => {
  const one = fc.constantFrom(...ids);
  const two = fc.tuple(one, one).map(([a, b]) => (ids.length > 1 && a === b ? [a, ids.find((x) => x !== a)] : [a, b]));
  const kinds = {
    'cex-dex': fc.record({ rollup: one, capital: capitalArb(true), cex: cexArb }, { requiredKeys: ['rollup'] }),
    backrun: fc.record({ rollup: one, capital: capitalArb(false) }, { requiredKeys: ['rollup'] }),
    sandwich: fc.record({ rollup: one, capital: capitalArb(false) }, { requiredKeys: ['rollup'] }),
    'capped-cex-dex': fc.record({ rollup: one, maxTradeY: logUniform(-3, 9), capital: capitalArb(true), cex: cexArb }, { requiredKeys: ['rollup', 'maxTradeY'] }),
    'cross-rollup': fc
      .record(
        {
          rollups: two,
          bundling: opt(fc.constantFrom('atomic', 'split')),
          payFirst: fc.option(fc.constantFrom(true, false, 'both'), { nil: undefined }),
          payOnRatio: fc.double({ min: 0.001, max: 0.999, noNaN: true }),
          capital: capitalArb(true),
          unwind: fc.oneof(
            fc.constant({ venue: 'pool' }),
            fc.record({ venue: fc.constant('cex'), costBp: fc.double({ min: 0, max: 10_000, noNaN: true }) }, { requiredKeys: ['venue'] }),
            fc.record({ venue: fc.constant('hold'), horizonSlots: fc.integer({ min: 0, max: 50 }) }, { requiredKeys: ['venue'] }),
          ),
        },
        { requiredKeys: ['rollups', 'payOnRatio'] },
      )
      .map(({ payFirst, payOnRatio, ...s }) =>
        compact({ ...s, payOn: payFirst === undefined ? undefined : payFirst === 'both' ? 'both' : s.rollups[payFirst ? 0 : 1], payOnRatio: payFirst === 'both' && s.bundling !== 'split' ? payOnRatio : undefined }),
      ),
  };
  return fc
    .tuple(...Object.entries(kinds).map(([kind, arb]) => fc.array(fc.tuple(arb, searcherCommon(builderIds)).map(([s, c]) => ({ kind, ...s, ...c })), { maxLength: 6 })))
    .map((lists) => lists.flat().map((s, i) => ({ ...s, id: `${s.kind}-${i}` })));
};

const buildersArb = fc.array(
  fc.record({ skill: unit, costY: fc.oneof(fc.constant(0), logUniform(-3, 6)), margin: unit, bidTimeMs: fc.oneof(fc.constant(0), logUniform(0, 4.5)), bidTimeJitter: jitterArb, strategy: strategyArb }, { requiredKeys: [] }),
  { maxLength: 4 },
).map((bs) => bs.map((b, i) => ({ id: `b${i}`, ...b })));

const committeeParams = {
  committeeSize: fc.integer({ min: 1, max: 64 }),
  memberLatencyMs: logUniform(-1, 4),
  latencyJitterMs: fc.oneof(fc.constant(0), logUniform(-1, 4)),
  deadlineMs: fc.integer({ min: -1000, max: 20_000 }),
  floorRule: fc.constantFrom('majority', 'min', 'max'),
};

/** A mechanism from the registry with random parameters. */
export const mechanismArb = (names) => {
  const params = {
    tullock: { alpha: logUniform(-2, 1.3) },
    'execution-tickets': { ticketPrice: logUniform(-4, 4), lookaheadSlots: fc.integer({ min: 0, max: 64 }) },
    'mev-burn': committeeParams,
    'mev-smoothing': committeeParams,
    'partial-block': { topOfBlockShare: fc.double({ min: 0.001, max: 1, noNaN: true }) },
    'slot-auction': { leadSlots: fc.integer({ min: 1, max: 64 }) },
    'block-auction': { bidDeadlineMs: fc.integer({ min: 0, max: 5000 }) },
    'order-flow-auction': { pricing: fc.constantFrom('first-price', 'second-price'), rebateFraction: unit, userShare: unit },
  };
  return fc.constantFrom(...names).chain((name) => fc.record(params[name] ?? {}, { requiredKeys: [] }).map((p) => ({ name, ...p })));
};

const ruleArb = (n) =>
  fc.oneof(
    fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n }).map((w) => {
      const total = w.reduce((a, b) => a + b, 0);
      const shares = w.map((x) => x / total);
      shares[n - 1] = 1 - shares.slice(0, -1).reduce((a, b) => a + b, 0);
      return { name: 'fixed', shares };
    }),
    fc.constantFrom({ name: 'proportional-to-fees' }, { name: 'variable' }, { name: 'shapley' }),
    fc.record({ name: fc.constant('banzhaf'), q: unit }, { requiredKeys: ['name'] }),
    fc.record({ name: fc.constant('drop-out'), rounds: fc.integer({ min: 1, max: 300 }), q: unit }, { requiredKeys: ['name'] }),
  );

const revenueSharingArb = (ids) =>
  fc.record(
    {
      counterfactuals: fc.boolean(),
      exactUpTo: fc.integer({ min: 1, max: 12 }),
      rule: ruleArb(ids.length),
      proposerCut: unit,
      reporting: fc.record(
        {
          delta: fc.oneof(fc.constant(0), unit, fc.constant('strategic')),
          detection: fc.record(
            {
              publicBids: fc.record({ publicShare: unit, tolerance: unit }, { requiredKeys: [] }),
              committee: fc.record({ ...committeeParams, valueNoiseLogSd: fc.double({ min: 0, max: 3, noNaN: true }), colludingFraction: unit, tolerance: unit }, { requiredKeys: [] }),
              stakeBound: fc.record({ stakeValueY: logUniform(-3, 6), auditProbability: unit }, { requiredKeys: [] }),
            },
            { requiredKeys: [] },
          ),
        },
        { requiredKeys: [] },
      ),
      governance: fc.record(
        {
          enabled: fc.boolean(),
          patienceEpochs: fc.integer({ min: 1, max: 5 }),
          ownSequencerCostY: fc.oneof(logUniform(-3, 6), fc.subarray(ids).chain((sub) => fc.tuple(...sub.map(() => logUniform(-3, 6))).map((costs) => {
            const o = {};
            sub.forEach((id, i) => put(o, id, costs[i]));
            return o;
          }))),
          canReturn: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  );

/** Restaking for the shared sequencer: operators among v0–v3 (some absent from a config: rejected), its parameters and 0–2 other services. */
const restakingOperators = fc.oneof(fc.constant('all'), fc.subarray(['v0', 'v1', 'v2', 'v3'], { minLength: 1 }));
const restakingArb = fc.record(
  {
    operators: restakingOperators,
    stakeValueY: fc.oneof(fc.constant(0), logUniform(-3, 9)),
    slashFraction: unit,
    threshold: fc.double({ min: 0.01, max: 1, noNaN: true }),
    valueAtRiskY: fc.oneof(fc.constant(0), logUniform(-3, 9)),
    revenueEpochs: fc.oneof(fc.constant(0), logUniform(-2, 2)),
    revenueShare: unit,
    services: fc.array(fc.record({ id: fc.constantFrom('oracle', 'da'), profitFromCorruptionY: logUniform(-3, 9), threshold: fc.double({ min: 0.01, max: 1, noNaN: true }), operators: restakingOperators }, { requiredKeys: ['id', 'profitFromCorruptionY'] }), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);

/**
 * A random valid-looking market config: 1–4 rollups with random reserves and fees, 0–6 searchers
 * of each kind on existing rollups, 0–4 builders, a registered mechanism with random parameters,
 * sequencing, revenue sharing, users' parameters over wide ranges, and bidders' strategies (learners,
 * equilibrium, choices) with the feedback they get, and sometimes stake pools over the validators. Many are still rejected by
 * cross-field checks (that is part of the test). Yields `{ config, label }`.
 */
const validatorsArb = fc.array(fc.oneof(fc.constant(0), logUniform(-3, 3)), { minLength: 1, maxLength: 4 }).map((stakes) => stakes.map((stake, i) => ({ id: `v${i}`, stake })));

/**
 * A `staking` block over the validators `ids`: each validator in one of up to three pools or in
 * none (a pool no validator joined is dropped; with none left, the first validator runs the only
 * pool), and every numeric field over its whole range, edges included.
 */
export const stakingArb = (ids) =>
  fc.record(
    {
      assignment: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: ids.length, maxLength: ids.length }),
      pool: fc.array(fc.record({ commission: unit, mevSophistication: unit }, { requiredKeys: [] }), { minLength: 3, maxLength: 3 }),
      delegators: fc.record({ count: fc.integer({ min: 1, max: 5000 }), stake: fc.oneof(fc.constant(0), logUniform(-3, 6)) }, { requiredKeys: [] }),
      windowEpochs: fc.integer({ min: 1, max: 20 }),
      speed: unit,
      switchingCostY: fc.oneof(fc.constant(0), logUniform(-4, 3)),
      outsideReturnY: logUniform(-8, 3),
      issuancePerBlockY: fc.oneof(fc.constant(0), logUniform(-4, 4)),
    },
    { requiredKeys: ['assignment', 'pool'] },
  ).map(({ assignment, pool, ...rest }) => {
    const pools = pool.map((p, k) => ({ id: `pool-${k}`, operators: ids.filter((_, v) => assignment[v] === k), ...p })).filter((p) => p.operators.length > 0);
    return { pools: pools.length > 0 ? pools : [{ id: 'pool-0', operators: [ids[0]] }], ...rest };
  });

export function scratchConfig(mechanismNames) {
  return fc
    .tuple(rollupIds, buildersArb, validatorsArb)
    .chain(([ids, builders, validators]) =>
      fc.record(
        {
          seed: fc.oneof(fc.integer({ min: 0, max: 1e6 }), fc.constantFrom('s', 'fuzz')),
          clock: fc.record({ slotMs: fc.integer({ min: 1, max: 60_000 }), slotsPerEpoch: fc.integer({ min: 1, max: 64 }) }, { requiredKeys: [] }),
          reference: fc.record(
            {
              initialPriceYPerX: logUniform(-6, 6),
              sigmaPerYear: logUniform(-3, 1.7),
              driftPerYear: fc.double({ min: -5, max: 5, noNaN: true }),
              blockIntervals: fc.constantFrom('fixed', 'exponential'),
              jumps: fc.record({ ratePerYear: fc.oneof(fc.constant(0), logUniform(-1, 6)), meanLog: fc.double({ min: -2, max: 2, noNaN: true }), sdLog: fc.double({ min: 0, max: 2, noNaN: true }) }, { requiredKeys: [] }),
            },
            { requiredKeys: [] },
          ),
          rollups: fc.tuple(...ids.map(rollupArb)),
          searchers: searchersArb(ids, builders.map((b) => b.id)),
          builders: fc.constant(builders),
          mechanism: builders.length > 0 ? mechanismArb(mechanismNames) : fc.oneof({ weight: 9, arbitrary: mechanismArb(['first-price', 'second-price', 'order-flow-auction']) }, { weight: 1, arbitrary: mechanismArb(mechanismNames) }),
          proposer: fc.record({ disposal: fc.record({ policy: fc.constantFrom('hold', 'sell'), sellFractionPerSlot: unit }, { requiredKeys: [] }) }),
          sequencing: fc.record({ mode: fc.constantFrom('shared', 'separate'), legFailureProbability: unit }, { requiredKeys: [] }),
          validators: fc.constant(validators),
          staking: stakingArb(validators.map((v) => v.id)),
          revenueSharing: revenueSharingArb(ids),
          bidding: biddingArb,
          restaking: restakingArb,
        },
        // Validators always given: a staking block names them.
        { requiredKeys: ['rollups', 'searchers', 'builders', 'validators'] },
      ),
    )
    .map((config) => ({ config: { kind: 'market', ...config }, label: `scratch: ${config.rollups.length} rollups, ${config.searchers.length} searchers, ${config.builders.length} builders, ${config.mechanism?.name ?? 'first-price'}` }));
}

/** Both families, mutations weighted 2:1. */
export function anyConfig(mechanismNames) {
  return fc.oneof({ weight: 2, arbitrary: mutatedConfig() }, { weight: 1, arbitrary: scratchConfig(mechanismNames) });
}
