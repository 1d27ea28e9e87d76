import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering of src/ is a lint rule (eslint.config.js): a folder imports only the folders below it.
describe('layering lint', () => {
  // The probes are not files of the TypeScript project: lint them without the type-aware rules.
  const eslint = new ESLint({
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false, project: null } },
      rules: { '@typescript-eslint/no-unnecessary-type-assertion': 'off', '@typescript-eslint/no-non-null-asserted-optional-chain': 'off' },
    },
  });
  const restricted = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length;
  };
  const cases: [string, string, number][] = [
    ['src/agents/searchers/probe.ts', "import type { WorldState } from '../../marketModel/types.js';\nexport type W = WorldState;\n", 1],
    ['src/agents/searchers/probe.ts', "import type { Bundle } from '../../market/orders/types.js';\nexport type B = Bundle;\n", 0],
    ['src/engine/probe.ts', "import { swapExactIn } from '../market/amm/swapExactIn.js';\nexport const s = swapExactIn;\n", 1],
    ['src/market/amm/probe.ts', "import type { MarketConfig } from '../../config/schema.js';\nexport type C = MarketConfig;\n", 1],
    ['src/sweep/probe.ts', "import { main } from '../cli/main.js';\nexport const m = main;\n", 1],
    ['src/probe.ts', "import { main } from './cli/main.js';\nexport const m = main;\n", 1],
    ['src/marketModel/probe.ts', "import { runBiddingWar } from '../biddingWar/runBiddingWar.js';\nexport const r = runBiddingWar;\n", 1],
    ['src/cli/probe.ts', "import { runSweep } from '../sweep/runSweep.js';\nexport const r = runSweep;\n", 0],
  ];
  for (const [file, code, errors] of cases) {
    it(`${errors ? 'rejects' : 'allows'} ${code.split('\n')[0]} in ${file}`, async () => {
      expect(await restricted(file, code)).toBe(errors);
    });
  }
});
