import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The compiled file `dist/<distPath>` (a worker thread's module) of the caller at `callerUrl`
 * (`import.meta.url`, a module two folders below the package root: `src/<area>/x.ts` under vitest,
 * `dist/<area>/x.js` once built). Worker threads load compiled JavaScript only.
 * @throws Error naming `label` when it is missing (`npm run build` not run).
 */
export function builtFile(callerUrl: string, distPath: string, label: string): string {
  const here = fileURLToPath(callerUrl);
  const root = resolve(dirname(here), '../..');
  const file = join(root, 'dist', distPath);
  if (!existsSync(file)) throw new Error(`${label} ${file} is missing: run \`npm run build\` first`);
  return file;
}
