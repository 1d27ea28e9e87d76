// simulate$: the simulation as an rxjs Observable of slot events (each subscription runs it afresh).
import { readFileSync } from 'node:fs';
import { filter, count } from 'rxjs';
import { resolveMarketConfig, simulate$ } from '../../dist/index.js';

const raw = JSON.parse(readFileSync(new URL('../../configs/baseline.json', import.meta.url), 'utf8'));
const config = resolveMarketConfig(raw, { sets: ['slots=300'] });

simulate$(config)
  .pipe(filter((slot) => slot.refPriceYPerX > 2000), count())
  .subscribe((n) => console.log(`the reference price ended ${n} of ${config.slots} slots above 2000`));
