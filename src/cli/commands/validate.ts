import type { Argv } from 'yargs';
import { UserInputError } from '../../config/errors.js';
import type { CliIo } from '../cliIo.js';

interface ValidateArgs {
  rounds: number;
  seed: string;
  json?: boolean;
}

/**
 * `seqsim validate`: repeated complete-information auctions with equilibrium bids for every
 * mechanism, simulated against theory; exit 1 if any row fails.
 */
export function validateCommand(yargs: Argv, io: CliIo, setExitCode: (code: number) => void): Argv {
  return yargs.command<ValidateArgs>(
    'validate',
    'Run repeated auctions with equilibrium bids for every mechanism and compare with theory (exit 1 on a failure).',
    (y) =>
      y
        .option('rounds', { type: 'number', default: 20_000, describe: 'auctions per case' })
        .option('seed', { type: 'string', default: '1', describe: 'master seed' })
        .option('json', { type: 'boolean', describe: 'print the rows as JSON lines instead of a table' }),
    async (args) => {
      if (!Number.isInteger(args.rounds) || args.rounds < 2)
        throw new UserInputError(`--rounds must be a whole number >= 2, but got ${String(args.rounds)}.`);
      const seed = /^-?\d+$/.test(args.seed) ? Number(args.seed) : args.seed;
      const { formatValidationTable, validateMechanisms } = await import('../../validation/index.js'); // loaded only by this command
      const rows = validateMechanisms({ masterSeed: seed, rounds: args.rounds });
      io.stdout(args.json ? rows.map((r) => JSON.stringify(r)).join('\n') + '\n' : formatValidationTable(rows) + '\n');
      if (rows.some((r) => !r.pass)) setExitCode(1);
    },
  );
}
