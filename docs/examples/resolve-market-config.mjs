// resolveMarketConfig: validate a config object, fill every default, apply --set-style overrides.
import { UserInputError, resolveMarketConfig } from '../../dist/index.js';

const config = resolveMarketConfig(
  {
    slots: 100,
    rollups: [
      { id: 'A', gasToken: 'X', pool: { reserveX: 5000, reserveY: 10_000_000 } },
      { id: 'B', gasToken: 'Y', pool: { reserveX: 2500, reserveY: 5_000_000, fee: 0.0005 } },
    ],
    searchers: [{ kind: 'cex-dex', id: 'arb-A', rollup: 'A' }],
  },
  { sets: ['rollups.0.users.arrivalsPerSlot=3'] },
);
console.log(`seed ${config.seed}, mechanism ${config.mechanism.name}, A's fee ${config.rollups[0].pool.fee}, A's arrivals ${config.rollups[0].users.arrivalsPerSlot}`);

try {
  resolveMarketConfig({ rollups: [{ id: 'A', gasToken: 'Z', pool: { reserveX: 1, reserveY: 1 } }] });
} catch (err) {
  if (!(err instanceof UserInputError)) throw err;
  console.log(`rejected: ${err.message.split('\n')[0].slice(0, 60)}…`);
}
