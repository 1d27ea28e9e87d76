// The mev-boost bidding war (configs/scenarios/mev-boost-bidding-war.json: 10 builders, 12 s slots,
// 10 ms steps, the setup of MMASim, Wu et al., arXiv:2312.14510) in ms per auction, next to two
// reference figures measured earlier on this 2-core machine (issue 18; constants, not re-measured
// here, see bench/README.md): MMASim itself, and a batched numpy rewrite of its naive auction.
//
//   node bench/biddingWar.js [--auctions N] [--reps R]     (only this section)
//
// The model is run as a library user steps it without keeping records: the config parsed once,
// then per timed run `BiddingWarRun.start(config).step(N)` and its summary (every run the same
// seed, so the same work).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BiddingWarRun } from '../dist/biddingWar/biddingWarRun.js';
import { parseBiddingWarConfig } from '../dist/config/biddingWarSchema.js';
import { fmt, summarize } from './stats.js';

export const BIDDING_WAR_PATH = fileURLToPath(new URL('../configs/scenarios/mev-boost-bidding-war.json', import.meta.url));

/** Reference figures, ms per auction, from the measurement reported in issue 18 (bench/README.md). */
export const REFERENCE_MS = {
  mmasim: 426,
  numpyMin: 1.0,
  numpyMax: 1.2,
};

/** Targets: 1,000× MMASim's time per auction, and faster than the numpy rewrite's best figure. */
export const BIDDING_WAR_TARGET = { msPerAuction: REFERENCE_MS.mmasim / 1000, numpyMs: REFERENCE_MS.numpyMin };

/** Wall and CPU ms per auction of `reps` runs of `auctions` auctions each, after a warm-up run. */
export function measureBiddingWar({ auctions, reps }) {
  const config = parseBiddingWarConfig(JSON.parse(readFileSync(BIDDING_WAR_PATH, 'utf8')));
  const run = () => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const r = BiddingWarRun.start(config);
    r.step(auctions);
    const summary = r.result();
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, summary };
  };
  run();
  const runs = Array.from({ length: reps }, run);
  return {
    auctions,
    wall: summarize(runs.map((r) => r.wallMs / auctions)),
    cpu: summarize(runs.map((r) => r.cpuMs / auctions)),
    meanEfficiency: runs[0].summary.meanEfficiency,
  };
}

/** The report section's lines: ms per auction, the two references and the ratios, PASS/MISS. */
export function formatBiddingWar(m) {
  const ms = m.wall.median;
  const verdict = (ok) => (ok ? 'PASS' : 'MISS');
  return [
    `ms per auction   ${ms.toFixed(3)} (median of ${m.wall.n} runs of ${fmt(m.auctions)} auctions, ±${(100 * m.wall.spread).toFixed(1)}%; CPU ${m.cpu.median.toFixed(3)} ms)`,
    `MMASim           ${fmt(REFERENCE_MS.mmasim)} ms per auction (reference) → seqsim is ${fmt(REFERENCE_MS.mmasim / ms)}× faster`,
    `numpy rewrite    ${REFERENCE_MS.numpyMin.toFixed(1)}–${REFERENCE_MS.numpyMax.toFixed(1)} ms per auction (reference) → seqsim is ${(REFERENCE_MS.numpyMin / ms).toFixed(2)}–${(REFERENCE_MS.numpyMax / ms).toFixed(2)}× faster`,
    `target ≤ ${BIDDING_WAR_TARGET.msPerAuction.toFixed(3)} ms per auction (1,000× MMASim)   ${verdict(ms <= BIDDING_WAR_TARGET.msPerAuction)}`,
    `target < ${BIDDING_WAR_TARGET.numpyMs.toFixed(1)} ms per auction (faster than the numpy rewrite)   ${verdict(ms < BIDDING_WAR_TARGET.numpyMs)}`,
    `(mean efficiency ${m.meanEfficiency.toFixed(4)}: the same in every run)`,
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const flag = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i < 0 ? fallback : Number(process.argv[i + 1]);
  };
  const m = measureBiddingWar({ auctions: flag('--auctions', 2_000), reps: flag('--reps', 7) });
  for (const line of formatBiddingWar(m)) process.stdout.write(`${line}\n`);
}
