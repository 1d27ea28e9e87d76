// validateMechanisms: every mechanism's simulated outcomes against its closed-form equilibrium.
import { formatValidationTable, validateMechanisms } from '../../dist/index.js';

const rows = validateMechanisms({ masterSeed: 1, rounds: 2000 });
const tullock = rows.find((r) => r.case === 'tullock' && r.measure === 'revenue');
console.log(`tullock revenue: simulated ${tullock.simulated.toFixed(4)}, theory ${tullock.theory.toFixed(4)}`);
console.log(formatValidationTable(rows).trim().split('\n').at(-1));
