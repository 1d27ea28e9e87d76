// A fingerprint of the compiled model in dist/ (every .js file's path, size and mtime), so that a
// benchmark can tell when someone rebuilt dist/ while it ran: its child processes would then have
// measured a different build from the main process.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));

function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return jsFiles(p);
    return e.name.endsWith('.js') ? [p] : [];
  });
}

/** Short hash of dist/**\/*.js (path, size, mtime) and the newest mtime among them. */
export function distFingerprint() {
  const h = createHash('sha1');
  let newest = 0;
  for (const f of jsFiles(DIST).sort()) {
    const st = statSync(f);
    newest = Math.max(newest, st.mtimeMs);
    h.update(`${path.relative(DIST, f)}\u0000${st.size}\u0000${st.mtimeMs}\n`);
  }
  return { hash: h.digest('hex').slice(0, 10), builtAt: new Date(newest).toISOString() };
}
