// Lint rules that protect reproducibility: the model must draw randomness only from seeded
// streams and time only from the simulated clock (STYLE.md rule 6).
import tseslint from 'typescript-eslint';

const ambientNondeterminism = [
  { object: 'Math', property: 'random', message: 'Use a seeded stream from src/engine/randomStreams (STYLE.md rule 6).' },
  { object: 'Date', property: 'now', message: 'Use the simulated clock; wall-clock time makes runs irreproducible.' },
  { object: 'performance', property: 'now', message: 'Wall-clock time belongs in bench/ or src/cli progress, not in the model.' },
];

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
    files: ['src/model/phases/**/*.ts', 'src/agents/**/*.ts', 'src/engine/**/*.ts'],
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
);
