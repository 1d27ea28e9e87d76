// Latency races and leg risk (configs/sweeps/latency-and-leg-risk.json, on the scenario
// configs/scenarios/latency-and-leg-risk.json): how jitter changes who is first under FCFS, and how
// inclusion failures change atomic vs leg-by-leg cross-rollup arbitrage.
import { claims, header, num, pct, rollup, runIfMain, searcher, sweepSummaries, table } from './_lib.mjs';

const file = 'configs/sweeps/latency-and-leg-risk.json';
const JITTER = 'searchers.1.latencyJitter.sdMs';
const FAIL_A = 'rollups.0.inclusionFailureProbability';
const BUNDLING = 'searchers.2.bundling';
const HEAD_START_MS = 30; // colo's 70 ms path vs remote's 100 ms base
const FAIL_B = 0.1;

/** Standard normal CDF (Abramowitz & Stegun 26.2.17, |error| < 7.5e-8). */
function phi(x) {
  if (x === Infinity) return 1;
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = 0.3989422804014327 * Math.exp(-x * x / 2);
  const p = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return x >= 0 ? 1 - p : p;
}

export default async function latencyAndLegRisk() {
  const runs = sweepSummaries(file);
  const { claim, verify } = claims();
  const at = (sd, f, bundling) => runs.find((r) => r.params[JITTER] === sd && r.params[FAIL_A] === f && r.params[BUNDLING] === bundling).summary;
  const jitters = [...new Set(runs.map((r) => r.params[JITTER]))].sort((a, b) => a - b);
  const fails = [...new Set(runs.map((r) => r.params[FAIL_A]))].sort((a, b) => a - b);

  // The race on C does not depend on A's failures or the bundling: read it where both are at their first value.
  const races = jitters.map((sd) => {
    const s = at(sd, fails[0], 'atomic');
    const [colo, remote] = [searcher(s, 'colo').wins, searcher(s, 'remote').wins];
    const n = colo + remote;
    const share = colo / n;
    const theory = phi(sd === 0 ? Infinity : HEAD_START_MS / sd);
    const se = Math.sqrt(Math.max(theory * (1 - theory), 1e-12) / n);
    return { sd, n, share, theory, se, z: (share - theory) / Math.max(se, 1e-12) };
  });

  const legs = fails.flatMap((f) => ['atomic', 'split'].map((bundling) => {
    const s = at(jitters[0], f, bundling);
    const [A, B] = [rollup(s, 'A'), rollup(s, 'B')];
    const cross = searcher(s, 'cross');
    return {
      f, bundling, pnl: cross.pnl_y, landedA: A.cross_arb_legs, landedB: B.cross_arb_legs,
      atomicA: A.atomic_failures, atomicB: B.atomic_failures,
      inclusionA: A.leg_inclusion_failures, inclusionB: B.leg_inclusion_failures,
      lone: A.leg_failures + B.leg_failures, loss: A.leg_failure_loss_y + B.leg_failure_loss_y,
    };
  }));
  const atomicRows = legs.filter((l) => l.bundling === 'atomic');
  const splitRows = legs.filter((l) => l.bundling === 'split');
  // Atomic bundles that landed, as a share of those that tried (landed, or failed on B: with f_A = 0 only B fails them).
  const atomicNoA = atomicRows.find((l) => l.f === 0);
  const landedShare = atomicNoA.landedA / (atomicNoA.landedA + atomicNoA.atomicB);
  const landedSe = Math.sqrt(FAIL_B * (1 - FAIL_B) / (atomicNoA.landedA + atomicNoA.atomicB));

  const page = [
    header('Latency races and leg risk', 'latency-and-leg-risk.mjs', [
      `npx seqsim sweep ${file} --out /tmp/latency-and-leg-risk`,
      'npx seqsim run configs/scenarios/latency-and-leg-risk.json   # one cell of it',
    ]),
    'Three rollups under one shared sequencer. On C (first-come-first-served, no users) two CEX-DEX arbitrageurs',
    `race for each price move: \`colo\` is colocated (a fixed ${100 - HEAD_START_MS} ms path, no jitter) and \`remote\` has a 100 ms base plus`,
    'normal jitter of standard deviation sd, drawn per bundle from its own stream. Colo is first when remote\'s',
    `latency exceeds ${100 - HEAD_START_MS} ms, so its share of the races is Φ(${HEAD_START_MS} / sd) — the FCFS latency-race model of`,
    'atiselsts/mev-concentration-model, where a fixed head start is worth less as jitter grows (the test',
    'test/marketModel/latencyRace.test.ts checks the two-sided case, Φ(c / (k·b·√2)), against the simulation).',
    `${num(runs.length)} runs of ${num(runs[0].summary.slots)} slots (seed ${runs[0].seed}); races are the slots where one of them traded (Y where not stated):`,
    '',
    table(['remote jitter sd, ms', 'races', 'colo first', 'Φ(30 / sd)', 'difference, SE'], races.map((r) => [
      num(r.sd), num(r.n), pct(r.share), pct(r.theory), r.sd === 0 ? '–' : num(r.z, 2),
    ])),
    '',
    claim(races[0].sd === 0 && races[0].share === 1, 'Without jitter the colocated searcher wins every race;'),
    claim(races.every((r) => r.sd === 0 || Math.abs(r.z) < 4) && races.every((r, i) => i === 0 || r.share < races[i - 1].share),
      `with jitter its share falls as sd grows and stays within 4 standard errors of Φ(${HEAD_START_MS} / sd) at every sd.`),
    '',
    'Between A and B (auction ordering, users on both) one cross-rollup arbitrageur closes the gaps users open,',
    `either atomically (one bundle that lands on both rollups or neither) or leg by leg. Each rollup's sequencer fails to`,
    `include a bundle with its \`inclusionFailureProbability\`: f_B = ${FAIL_B}, f_A swept. An atomic bundle lands with probability`,
    '(1 − f_A)(1 − f_B) and a failed one costs nothing; a lone leg is unwound at the CEX at the reference price less 10 bp',
    '(Silva & Livshits 2024, "Atomic Execution is Not Enough for Arbitrage Profit Extraction in Shared Sequencers",',
    'arXiv:2410.11552; test/marketModel/legRisk.test.ts reproduces their expected-profit difference within 4 standard errors',
    'at two points). The jitter axis does not touch A and B; these rows are at sd = 0:',
    '',
    table(['f_A', 'bundling', 'legs landed A / B', 'atomic failures A / B', 'legs not included A / B', 'lone legs unwound', 'unwind loss', 'arbitrageur PnL'], legs.map((l) => [
      String(l.f), l.bundling, `${num(l.landedA)} / ${num(l.landedB)}`, `${num(l.atomicA)} / ${num(l.atomicB)}`,
      `${num(l.inclusionA)} / ${num(l.inclusionB)}`, num(l.lone), num(l.loss, 1), num(l.pnl, 1),
    ])),
    '',
    claim(Math.abs(landedShare - (1 - FAIL_B)) < 4 * landedSe,
      `With f_A = 0, ${pct(landedShare)} of the atomic bundles that tried landed, within 4 standard errors of 1 − f_B = ${pct(1 - FAIL_B, 0)};`),
    claim(atomicRows[0].atomicA === 0 && atomicRows.every((l, i) => i === 0 || l.atomicA > atomicRows[i - 1].atomicA) && splitRows.every((l, i) => i === 0 || (l.inclusionA > splitRows[i - 1].inclusionA && l.lone > splitRows[i - 1].lone)),
      'as f_A rises more atomic bundles fail on A, and leg by leg more of A\'s legs fail and leave their B leg alone.'),
    claim(atomicRows.every((l) => l.lone === 0 && l.loss === 0) && splitRows.every((l) => l.lone > 0 && l.lone <= l.inclusionA + l.inclusionB),
      'An atomic bundle never leaves a lone leg; leg by leg a leg that fails to be included leaves the other alone (at f_A = 0 all of them are B\'s failures; when both fail, none is left).'),
    (() => {
      const [atomic, split] = [atomicRows.at(-1), splitRows.at(-1)];
      return claim(split.loss < 0 && split.pnl > atomic.pnl,
        `Unwound at the CEX, a lone leg is a CEX-DEX trade: its pool was off the reference price in the leg's favour, so selling at the reference gains more often than it loses — at f_A = ${split.f} the lone legs' unwinds gained ${num(-split.loss)} Y and leg-by-leg arbitrage earned more than atomic (${num(split.pnl)} vs ${num(atomic.pnl)} Y), the non-atomic advantage Silva & Livshits point to.`);
    })(),
    claim(atomicRows.every((l, i) => i === 0 || l.pnl >= atomicRows[i - 1].pnl),
      'The atomic arbitrageur does not earn less as f_A rises here: a bundle that fails pays nothing, and the gap it would have closed is still open next slot, where it is taken at a larger size.'),
    '',
    'What this leaves out: the split arbitrageur sizes each leg as if the other will land (it does not price the',
    'leg risk into its trade or its bid); the pools drift between slots, so a lone leg\'s unwind also bears the',
    'price move of its slot.',
    '',
  ].join('\n');
  verify('latency-and-leg-risk');
  return page;
}

await runIfMain(import.meta.url, latencyAndLegRisk);
