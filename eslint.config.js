// Lint rules that protect reproducibility: the model must draw randomness only from seeded
// streams and time only from the simulated clock (STYLE.md rule 6).
import tseslint from 'typescript-eslint';

const ambientNondeterminism = [
  { object: 'Math', property: 'random', message: 'Use a seeded stream from src/engine/randomStreams (STYLE.md rule 6).' },
  { object: 'Date', property: 'now', message: 'Use the simulated clock; wall-clock time makes runs irreproducible.' },
  { object: 'performance', property: 'now', message: 'Wall-clock time belongs in bench/ or src/cli progress, not in the model.' },
];

/*
 * Layering (STYLE.md rule 1; the house in docs/architecture.md). Each folder may import only the
 * folders below it; a relative import that climbs into a folder above is an error. From the bottom:
 *   engine → market → agents → config → {marketModel, biddingWar, validation} → io → sweep → report → cli
 * The three models are siblings and never import one another. Nothing imports cli.
 */
const above = {
  engine: ['market', 'agents', 'config', 'marketModel', 'biddingWar', 'validation', 'io', 'sweep', 'report'],
  market: ['agents', 'config', 'marketModel', 'biddingWar', 'validation', 'io', 'sweep', 'report'],
  agents: ['config', 'marketModel', 'biddingWar', 'validation', 'io', 'sweep', 'report'],
  config: ['marketModel', 'biddingWar', 'validation', 'io', 'sweep', 'report'],
  marketModel: ['biddingWar', 'validation', 'io', 'sweep', 'report'],
  biddingWar: ['marketModel', 'validation', 'io', 'sweep', 'report'],
  validation: ['marketModel', 'biddingWar', 'io', 'sweep', 'report'],
  io: ['validation', 'sweep', 'report'],
  sweep: ['report'],
  report: ['sweep'],
};
const layerRule = (folders) => ({
  'no-restricted-imports': ['error', {
    patterns: [{
      regex: `^(\\.\\.?/)+(${[...folders, 'cli'].join('|')})/`,
      message: 'Layering: this folder may not import from a folder above it (eslint.config.js, docs/architecture.md).',
    }],
  }],
});
const layering = Object.entries(above).map(([folder, folders]) => ({ files: [`src/${folder}/**/*.ts`], rules: layerRule(folders) }));

export default tseslint.config(
  { ignores: ['dist/**', 'dist-check/**', 'node_modules/**', 'runs/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Model code: engine, market, agents, model, config. The CLI and I/O may read the wall clock
    // (progress bars, manifests) but never Math.random.
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/io/**'],
    rules: {
      'no-restricted-properties': ['error', ...ambientNondeterminism],
      'no-restricted-syntax': ['error', {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: 'new Date() reads the wall clock; use the simulated clock.',
      }],
    },
  },
  {
    // Hot per-slot paths: an object literal with a spread followed by more properties gets its own
    // hidden class in V8 on every call; this once cost 7× in throughput (bench/README.md).
    files: ['src/marketModel/phases/**/*.ts', 'src/agents/**/*.ts', 'src/engine/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'new Date() reads the wall clock; use the simulated clock.' },
        { selector: 'ObjectExpression > SpreadElement ~ Property', message: 'Spread last or write the fields out: a spread followed by properties is a V8 slow path on hot paths.' },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'src/io/**/*.ts'],
    rules: { 'no-restricted-properties': ['error', ambientNondeterminism[0]] },
  },
  {
    // With noUncheckedIndexedAccess (tsconfig.json) every `!` and cast left must change a type:
    // type-aware rules flag the ones that no longer do.
    files: ['src/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/no-non-null-asserted-optional-chain': 'error',
    },
  },
  ...layering,
  {
    // Nothing below the CLI imports it (the library entry point included).
    files: ['src/*.ts'],
    rules: layerRule([]),
  },
);
