import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { runMarket } from '../../src/marketModel/runMarket.js';
import { smallConfig } from '../cli/helpers.js';

describe('run summary: winners and the MEV oracle', () => {
  it('a lone arbitrageur bidding a fraction f first-price gives oracle accuracy f and full concentration', () => {
    const s = runMarket(resolveMarketConfig(smallConfig({ searchers: [{ kind: 'cex-dex', id: 'a', rollup: 'A', bidFraction: 0.3 }], slots: 300 })));
    expect(s.searchers[0]!.wins).toBeGreaterThan(0);
    expect(s.mev_oracle_accuracy!).toBeCloseTo(0.3, 12);
    expect(s.concentration).toEqual({ hhi: 1, top3_share: 1, nakamoto_coefficient: 1, normalized_entropy: 0 });
  });

  it('second-price with one bidder per position pays nothing: accuracy 0', () => {
    const s = runMarket(resolveMarketConfig(smallConfig({ mechanism: { name: 'second-price' }, slots: 300 })));
    expect(s.searchers.every((x) => x.wins > 0)).toBe(true);
    expect(s.mev_oracle_accuracy).toBe(0);
    expect(s.concentration.nakamoto_coefficient).toBe(1); // two winners, one holds more than half
  });
});
