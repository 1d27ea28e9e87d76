// Runs fuzz cases one at a time in a child process with a time budget per case: a case that
// overruns is recorded as a hang, the process is killed and a fresh one started. A process that
// dies (out of memory, a V8 fatal error, …) is recorded as a crash of that case. Child processes,
// not worker threads: a V8 fatal error in a worker aborts the whole process.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const childPath = fileURLToPath(new URL('./child.mjs', import.meta.url));

export class CaseRunner {
  /**
   * @param {{ distDir: string, timeoutMs?: number, memoryMb?: number }} opts
   */
  constructor({ distDir, timeoutMs = 20_000, memoryMb = 1024 }) {
    this.distDir = distDir;
    this.timeoutMs = timeoutMs;
    this.memoryMb = memoryMb;
    this.child = null;
    this.ready = null;
    this.nextId = 0;
  }

  start() {
    // The default stack size (as `seqsim run` has): a deep config that overflows there overflows here.
    const child = fork(childPath, [], {
      execArgv: [`--max-old-space-size=${this.memoryMb}`],
      env: { ...process.env, SEQSIM_LOG_LEVEL: 'silent', SEQSIM_FUZZ_DIST: this.distDir },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    // Keep the last lines of its stderr: what a dying process says (V8 fatal errors, OOM).
    child.stderrTail = '';
    child.stderr.on('data', (d) => void (child.stderrTail = (child.stderrTail + d).slice(-4000)));
    this.child = child;
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (m) => {
        if (m.type === 'ready') {
          child.off('message', onMessage);
          child.off('exit', onExit);
          resolve();
        }
      };
      const onExit = (code) => reject(new Error(`fuzz child exited with ${code} before it was ready: ${child.stderrTail}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
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
    if (!this.child) await this.start();
    else await this.ready;
    const child = this.child;
    const id = ++this.nextId;
    return new Promise((resolve) => {
      let key;
      let kind;
      let settled = false;
      const finish = (result, kill) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (kill) {
          this.child = null;
          child.kill('SIGKILL');
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
          child.send({ type: 'go', id, run: shouldRun(m.key) });
        } else if (m.type === 'done') finish(m.result, false);
      };
      const onExit = (code, signal) => {
        // Let the stderr pipe drain, then say what killed it.
        setTimeout(() => {
          const tail = child.stderrTail;
          const why =
            /heap out of memory|Reached heap limit/i.exec(tail)?.[0] ??
            /Fatal JavaScript [a-z ]+error/i.exec(tail)?.[0] ??
            /Maximum call stack size exceeded/.exec(tail)?.[0] ??
            `exit ${signal ?? code}`;
          finish({ outcome: key === undefined ? 'validation-exception' : 'crash', signature: `process died: ${why}`, error: { name: 'ProcessDied', message: tail.trim().split('\n').slice(0, 4).join(' | ').slice(0, 500), frame: '' } }, true);
        }, 50);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send({ type: 'case', id, json, opts: { slots, auctions, budgetMs: timeoutMs } });
    });
  }

  async close() {
    const c = this.child;
    this.child = null;
    if (c && c.exitCode === null) {
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGKILL');
      await exited;
    }
  }
}
