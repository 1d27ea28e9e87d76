import { readFileSync } from 'node:fs';

/** seqsim's version, from the package.json next to the compiled code. */
export function seqsimVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
