// The `--warm R` flag of runBaseline.js and runScenario.js: after the script's own run (the
// warm-up), R more runs of the same work, each printed on stdout as `us_per_slot WALL CPU` — µs per
// slot by the wall clock and by the process's CPU time (user + system).

/** Runs `run` R times if `--warm R` is on the command line, printing µs per slot of each run. */
export function warmRuns(run, slots, argv = process.argv) {
  const i = argv.indexOf('--warm');
  if (i < 0) return;
  const reps = Number(argv[i + 1] ?? 1);
  for (let r = 0; r < reps; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run();
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    process.stdout.write(`us_per_slot ${((1e3 * wall) / slots).toFixed(2)} ${((c.user + c.system) / slots).toFixed(2)}\n`);
  }
}
