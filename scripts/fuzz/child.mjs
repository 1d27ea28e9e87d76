// Child process of the fuzz runner: validates a config, asks the parent whether to run it (the
// parent skips configs already run), runs it and reports. A process, not a worker thread: some
// failures (V8's "invalid size" fatal error on a huge array) abort the whole process, which must
// not be the fuzzer's. The parent enforces the time budget by killing this process.
import { loadApi, runAccepted, validate } from './checkCase.mjs';

const loaded = await loadApi(process.env.SEQSIM_FUZZ_DIST);
let current = null;

process.on('message', (msg) => {
  if (msg.type === 'case') {
    const v = validate(loaded, msg.json);
    if (v.outcome !== 'accepted') return process.send({ type: 'done', id: msg.id, result: v });
    current = { id: msg.id, config: v.config, opts: msg.opts };
    process.send({ type: 'validated', id: msg.id, key: v.key, kind: v.config.kind });
  } else if (msg.type === 'go' && current?.id === msg.id) {
    const { config, opts } = current;
    current = null;
    const result = msg.run ? runAccepted(loaded, config, opts) : { outcome: 'skipped' };
    process.send({ type: 'done', id: msg.id, result });
  }
});
process.send({ type: 'ready' });
