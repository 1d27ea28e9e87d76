import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserInputError } from '../config/errors.js';

/**
 * Makes sure `dir` can receive a new run without overwriting anything: it must not exist, or be an
 * empty folder. Called only after the config is known to be valid, so bad input writes nothing.
 */
export function prepareOutDir(dir: string): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory())
      throw new UserInputError(`Output path "${dir}" is a file, not a folder. Choose another --out.`);
    if (readdirSync(dir).length > 0)
      throw new UserInputError(
        `Output folder "${dir}" already holds files; seqsim never overwrites a run. Choose a new --out, or remove the folder first.`,
      );
  }
  mkdirSync(dir, { recursive: true });
}

/** Writes a file through a temporary name and a rename, so it is either whole or absent. */
export function writeFileAtomic(path: string, text: string): void {
  writeFileSync(`${path}.partial`, text);
  renameSync(`${path}.partial`, path);
}

/** Pretty, stable JSON with a trailing newline. */
export function writeJson(dir: string, name: string, value: unknown): void {
  writeFileAtomic(join(dir, name), JSON.stringify(value, null, 2) + '\n');
}

/**
 * A name safe as one path segment: letters, digits, `.`, `_` and `-` only (anything else becomes
 * `-`), no leading dot or dash, at most 40 characters; `fallback` when nothing is left.
 */
export function safeName(text: string, fallback = 'run'): string {
  const cleaned = text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 40)
    .replace(/[.-]+$/, '');
  return cleaned || fallback;
}

/**
 * A fresh folder name under `root`: `<name>-<hash>-<stamp>`, with a counter if taken. `name` is
 * sanitised ({@link safeName}) and `hash` is a short hex id (of the config): never raw config text,
 * so no seed or file name can lead outside `root`.
 */
export function freshRunDir(root: string, name: string, hash: string, stamp: string): string {
  const base = join(root, `${safeName(name)}-${safeName(hash.slice(0, 8), 'x')}-${safeName(stamp, 'now')}`);
  let dir = base;
  for (let i = 2; existsSync(dir); i++) dir = `${base}-${i}`;
  return dir;
}
