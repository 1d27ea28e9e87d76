import { configJsonSchema } from './config/loadConfig.js';
import { configReferenceMarkdown } from './config/configReference.js';
import { outputsReferenceMarkdown } from './marketModel/outputsReference.js';

/** One generated documentation file: where it is committed and the pure function that writes it. */
export interface DocEntry {
  /** Path from the repository root. */
  readonly path: string;
  /** The file's full text. */
  readonly generate: () => string;
}

/**
 * Every generated file under docs/reference. `scripts/generate-docs.mjs` (`npm run docs`) writes
 * them from the built code; test/docs/generatedDocs.test.ts checks that the committed files match.
 * Add a file by adding an entry.
 */
export const docEntries: readonly DocEntry[] = [
  { path: 'docs/reference/config.md', generate: () => configReferenceMarkdown() },
  { path: 'docs/reference/outputs.md', generate: () => outputsReferenceMarkdown() },
  { path: 'docs/reference/config.schema.json', generate: () => JSON.stringify(configJsonSchema(), null, 2) + '\n' },
];
