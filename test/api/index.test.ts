import { toArray, firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { resolveMarketConfig, runSimulation, simulate$ } from '../../src/index.js';
import { smallConfig } from '../cli/helpers.js';

describe('library API', () => {
  const config = resolveMarketConfig(smallConfig({ slots: 50 }));

  it('runSimulation returns the summary and, on request, the per-slot rows', () => {
    const { summary, rows } = runSimulation(config, { keepRows: true });
    expect(summary.slots).toBe(50);
    expect(rows.length).toBe(100);
    expect(runSimulation(config).rows).toEqual([]);
    expect(runSimulation(config).summary).toEqual(summary);
  });

  it('simulate$ emits one slot record per slot, the same as the run', async () => {
    const slots = await firstValueFrom(simulate$(config).pipe(toArray()));
    expect(slots.map((s) => s.slot)).toEqual([...Array(50).keys()]);
    const { rows } = runSimulation(config, { keepRows: true });
    expect(slots[49]!.refPriceYPerX).toBe(rows[98]!.ref_price);
  });
});
