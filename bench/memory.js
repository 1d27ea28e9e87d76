// Child process of bench/run.js: runs the baseline for SLOTS slots and samples memory every
// EVERY slots. Prints one JSON object on stdout.
//
//   node --expose-gc bench/memory.js SLOTS EVERY
//
// Each sample records RSS and V8 heapUsed as they are (the sawtooth the GC leaves), then, when
// gc() is exposed, forces a full collection and records heapUsed again: the live heap, which only
// grows if the model retains something per slot. `maxRssBytes` is the OS's peak resident set
// (getrusage ru_maxrss), exact rather than sampled.
import { runMarket } from '../dist/marketModel/runMarket.js';
import { baselineConfig } from './baselineConfig.js';

const slots = Number(process.argv[2] ?? 100_000);
const every = Number(process.argv[3] ?? 10_000);
const gc = globalThis.gc;

const config = baselineConfig(slots);
const samples = [];
function sample(slot) {
  const m = process.memoryUsage();
  const s = { slot, rss: m.rss, heapUsed: m.heapUsed, liveHeap: null };
  if (gc) {
    gc();
    s.liveHeap = process.memoryUsage().heapUsed;
  }
  samples.push(s);
}

sample(0);
const t0 = performance.now();
runMarket(config, {
  onSlot: (e) => {
    if ((e.slot + 1) % every === 0) sample(e.slot + 1);
  },
});
const wallMs = performance.now() - t0;
process.stdout.write(
  JSON.stringify({ slots, every, wallMs, gcExposed: Boolean(gc), maxRssBytes: process.resourceUsage().maxRSS * 1024, samples }),
);
