// Writes the generated reference docs (docs/reference/*) from the built code: `npm run docs`
// builds first. The list of files lives in src/docEntries.ts; test/docs checks they are current.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { docEntries } from '../dist/docEntries.js';

for (const { path, generate } of docEntries) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, generate());
  console.log(`wrote ${path}`);
}
