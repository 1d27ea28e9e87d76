// Runs fuzz cases one at a time in a worker thread with a time budget per case: a case that
// overruns is recorded as a hang, the thread is terminated and a fresh one started. A thread that
// dies (out of memory, …) is recorded as a crash of that case.
import { Worker } from 'node:worker_threads';

const workerUrl = new URL('./worker.mjs', import.meta.url);

export class CaseRunner {
  /**
   * @param {{ distDir: string, timeoutMs?: number, memoryMb?: number }} opts
   */
  constructor({ distDir, timeoutMs = 20_000, memoryMb = 1024 }) {
    this.distDir = distDir;
    this.timeoutMs = timeoutMs;
    this.memoryMb = memoryMb;
    this.worker = null;
    this.ready = null;
    this.nextId = 0;
  }

  start() {
    const worker = new Worker(workerUrl, {
      workerData: { distDir: this.distDir },
      // The main thread's stack (about 1 MB), not a worker's default 4 MB: a deep config that
      // overflows `seqsim run` must overflow here too.
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, stackSizeMb: 0.98 },
      env: { ...process.env, SEQSIM_LOG_LEVEL: 'silent' },
      stdout: true,
      stderr: true,
    });
    // Keep the parent's output clean: a model that logs would flood it.
    worker.stdout.resume();
    worker.stderr.resume();
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (m) => {
        if (m.type === 'ready') {
          worker.off('message', onMessage);
          worker.off('error', reject);
          resolve();
        }
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    return this.ready;
  }

  /**
   * Runs one case. `shouldRun(key)` decides, after validation, whether an accepted config is run
   * (default: always). Resolves to the result: `{ outcome, signature?, error?, key?, kind? }` with
   * outcome one of rejected, ok, skipped, crash, hang, non-finite, validation-exception, bad-message,
   * accepted-invalid.
   */
  async run(json, { slots = 200, auctions = 20, shouldRun = () => true, timeoutMs = this.timeoutMs } = {}) {
    if (!this.worker) await this.start();
    else await this.ready;
    const worker = this.worker;
    const id = ++this.nextId;
    return new Promise((resolve) => {
      let key;
      let kind;
      let settled = false;
      const finish = (result, restart) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (restart) {
          this.worker = null;
          void worker.terminate();
        }
        resolve({ ...result, key, kind });
      };
      const timer = setTimeout(() => {
        finish({ outcome: 'hang', signature: `hang (over ${timeoutMs / 1000} s)`, error: { name: 'Timeout', message: `no result within ${timeoutMs} ms`, frame: '' } }, true);
      }, timeoutMs);
      const onMessage = (m) => {
        if (m.id !== id) return;
        if (m.type === 'validated') {
          key = m.key;
          kind = m.kind;
          worker.postMessage({ type: 'go', id, run: shouldRun(m.key) });
        } else if (m.type === 'done') finish(m.result, false);
      };
      const onError = (err) => {
        const name = err?.code ?? err?.name ?? 'Error';
        finish({ outcome: key === undefined ? 'validation-exception' : 'crash', signature: `worker died: ${name}`, error: { name, message: String(err?.message ?? err).slice(0, 500), frame: '' } }, true);
      };
      const onExit = (code) => onError({ name: 'WorkerExit', message: `worker exited with code ${code}` });
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ type: 'case', id, json, opts: { slots, auctions, budgetMs: timeoutMs } });
    });
  }

  async close() {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
