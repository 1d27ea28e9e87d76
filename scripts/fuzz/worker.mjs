// Worker thread of the fuzz runner: validates a config, asks the parent whether to run it (the
// parent skips configs already run), runs it and reports. The parent enforces the time budget by
// terminating this thread.
import { parentPort, workerData } from 'node:worker_threads';
import { loadApi, runAccepted, validate } from './checkCase.mjs';

const loaded = await loadApi(workerData.distDir);
let current = null;

parentPort.on('message', (msg) => {
  if (msg.type === 'case') {
    const v = validate(loaded, msg.json);
    if (v.outcome !== 'accepted') return parentPort.postMessage({ type: 'done', id: msg.id, result: v });
    current = { id: msg.id, config: v.config, opts: msg.opts };
    parentPort.postMessage({ type: 'validated', id: msg.id, key: v.key, kind: v.config.kind });
  } else if (msg.type === 'go' && current?.id === msg.id) {
    const { config, opts } = current;
    current = null;
    const result = msg.run ? runAccepted(loaded, config, opts) : { outcome: 'skipped' };
    parentPort.postMessage({ type: 'done', id: msg.id, result });
  }
});
parentPort.postMessage({ type: 'ready' });
