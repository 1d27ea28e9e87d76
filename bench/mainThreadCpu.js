// Preloaded (`node --import`) by bench/runVsModel.js into the programs it times: at exit, prints the
// CPU time of the process's main thread — the model's thread, in `seqsim run` as in the model
// alone — as `main-thread-cpu-ns N` on stderr. Read from /proc/self/task/<pid>/schedstat
// (nanoseconds on the CPU); prints nothing where /proc is not.
import { existsSync, readFileSync, writeSync } from 'node:fs';

const file = `/proc/self/task/${process.pid}/schedstat`;
if (existsSync(file)) process.on('exit', () => writeSync(2, `main-thread-cpu-ns ${readFileSync(file, 'utf8').split(' ')[0]}\n`));
