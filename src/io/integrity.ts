import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

/** SHA-256 of a text (UTF-8) as lowercase hex. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * A JSON record that vouches for itself: `sha256` is the SHA-256 of the record's JSON without
 * that field. Saved state (checkpoints, journal lines) carries one so that an edit is detected.
 */
export function seal<T extends Record<string, unknown>>(record: T): T & { sha256: string } {
  const { sha256: _old, ...rest } = record;
  return { ...rest, sha256: sha256(JSON.stringify(rest)) } as T & { sha256: string };
}

/** True when `record` is an object whose `sha256` matches its other fields (see {@link seal}). */
export function verifySeal(record: unknown): boolean {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return false;
  const { sha256: claimed, ...rest } = record as Record<string, unknown>;
  return typeof claimed === 'string' && claimed === sha256(JSON.stringify(rest));
}

/** A running SHA-256 of the first `bytes` bytes of `path` (all of them must exist), read in 1 MB chunks. */
export function hashFilePrefix(path: string, bytes: number): { hash: Hash; complete: boolean } {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let pos = 0;
    while (pos < bytes) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, bytes - pos), pos);
      if (n === 0) return { hash, complete: false };
      hash.update(buf.subarray(0, n));
      pos += n;
    }
    return { hash, complete: true };
  } finally {
    closeSync(fd);
  }
}
