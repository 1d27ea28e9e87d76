import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/biddingWar/context.js';
import { runAuction } from '../../src/biddingWar/runAuction.js';
import { parseBiddingWarConfig, type BiddingWarConfigInput } from '../../src/config/biddingWarSchema.js';
import { MIXED_BUILDERS, mixedConfig } from './fixtures.js';

// Configs where quiet steps are common and where they are rare: the mixed builders, adaptive
// builders that outbid themselves, zero delays, fast flow, a call on a step and one between steps.
const configs: BiddingWarConfigInput[] = [
  mixedConfig(),
  mixedConfig({ relayDelayMs: 0, builders: MIXED_BUILDERS.map((b) => ({ ...b, latencyMs: 0 })) }),
  mixedConfig({ builders: [...MIXED_BUILDERS, { id: 'a3', strategy: 'adaptive', latencyMs: 40, outbidSelf: true }] }),
  mixedConfig({ stepMs: 7, proposerCall: { kind: 'fixed', atMs: 11_998 }, flow: { publicRatePerSecond: 40, privateRatePerSecond: 0 } }),
  mixedConfig({ proposerCall: { kind: 'fixed', atMs: 12_000 }, builders: MIXED_BUILDERS.map((b) => ({ ...b, marginSdEth: 0 })) }),
];

describe('the step loop skips quiet steps without changing anything', () => {
  it('an auction gives the same record, book and values with every decision taken (an observer) as with quiet steps skipped', () => {
    for (const raw of configs) {
      const cfg = parseBiddingWarConfig(raw);
      const skipping = createContext(cfg);
      const full = createContext(cfg);
      let decisions = 0;
      for (let k = 0; k < 25; k++) {
        const a = runAuction(skipping, k);
        const b = runAuction(full, k, { onDecision: () => decisions++ });
        expect(a).toEqual(b);
        expect([...skipping.decisionValueEth]).toEqual([...full.decisionValueEth]);
        expect([...skipping.lastBidEth]).toEqual([...full.lastBidEth]);
        expect([...skipping.bestBidByStep.subarray(0, 1300)]).toEqual([...full.bestBidByStep.subarray(0, 1300)]);
      }
      // The observer saw a decision of every builder at every step up to the call.
      expect(decisions).toBeGreaterThan(25 * cfg.builders.length * 1000);
    }
  });
});
