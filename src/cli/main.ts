import yargs, { type Argv } from 'yargs';
import { UserInputError } from '../config/errors.js';
import { logLevels } from '../engine/logger.js';
import { fsUserError } from '../io/fsErrors.js';
import { configCommand } from './commands/config.js';
import { reportCommand } from './commands/report.js';
import { runCommand } from './commands/run.js';
import { sweepCommand } from './commands/sweep.js';
import { validateCommand } from './commands/validate.js';
import { workerCommand } from './commands/worker.js';
import { seqsimVersion } from '../version.js';

import type { CliIo } from './cliIo.js';

export type { CliIo } from './cliIo.js';

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrStream: process.stderr,
};

/** The part of yargs' internals that skipHelpCache reaches: the usage instance's help cache. */
interface YargsInternals {
  getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } };
}

/**
 * After a command's handler starts, yargs renders that command's whole help text and caches it,
 * for a help screen that a later failure might show (yargs 18, command.js). Our failures print one
 * paragraph, never help, and rendering it (string-width over every option, wrapped to the
 * terminal) cost 70–180 ms of every `seqsim run`, more than 10,000 baseline slots. `--help` itself
 * renders before any handler and is unchanged. If a yargs release moves the method, the guard
 * leaves yargs as it is.
 */
function skipHelpCache(cli: Argv): void {
  const usage = (cli as unknown as YargsInternals).getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}

function buildCli(argv: string[], io: CliIo, setExitCode: (code: number) => void): Argv {
  let cli: Argv = yargs(argv)
    .scriptName('seqsim')
    .version(seqsimVersion())
    .option('log-level', { choices: logLevels, describe: 'diagnostics on stderr (default warn)' })
    .strict()
    .demandCommand(1, 'Name a command: run, sweep, report, validate, config, worker.')
    .recommendCommands()
    .epilog(
      'Exit codes: 0 done; 2 bad input (a config, a flag, saved state that does not verify, a filesystem error); ' +
        '3 a sweep finished but some of its runs failed (see the status and error columns); 130 stopped by SIGINT/SIGTERM; 1 an internal error.',
    )
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .exitProcess(false)
    .fail((msg, err) => {
      throw err ?? new UserInputError(`${msg.replace(/\.?$/, '.')} Run \`seqsim --help\` for usage.`);
    });
  cli = runCommand(cli, io, setExitCode);
  cli = sweepCommand(cli, io, setExitCode);
  cli = configCommand(cli, io);
  cli = validateCommand(cli, io, setExitCode);
  cli = reportCommand(cli, io);
  cli = workerCommand(cli, io);
  skipHelpCache(cli);
  return cli;
}

/**
 * Runs the CLI on `argv` and returns the exit code: 0 ok, 2 bad input (a config, a flag, saved state
 * that does not verify, a filesystem error such as a read-only or full disk), 3 a sweep some of whose
 * runs failed, 130 stopped by SIGINT/SIGTERM, 1 a bug.
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  let code = 0;
  try {
    await buildCli(argv, io, (c) => void (code = c)).parseAsync();
    return code;
  } catch (err) {
    const userError = err instanceof UserInputError ? err : fsUserError(err);
    if (userError) {
      io.stderr(`seqsim: ${userError.message}\n`);
      return userError.exitCode;
    }
    io.stderr(`seqsim: internal error (please report it with the command you ran):\n${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}
