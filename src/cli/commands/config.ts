import type { Argv } from 'yargs';
import { configJsonSchema, loadConfig } from '../../config/loadConfig.js';
import type { CliIo } from '../cliIo.js';

export function configCommand(yargs: Argv, io: CliIo): Argv {
  return yargs.command('config <action>', 'Inspect configs: `config schema` or `config show <file>`.', (y) =>
    y
      .command('schema', 'Print the JSON Schema of every config kind (committed as docs/reference/config.schema.json; docs/reference/config.md is its reference).', {}, () => {
        io.stdout(JSON.stringify(configJsonSchema(), null, 2) + '\n');
      })
      .command<{ file: string; set?: string[] }>(
        'show <file>',
        'Print the resolved config: the file validated, with defaults filled in and --set applied.',
        (yy) =>
          yy
            .positional('file', { type: 'string', demandOption: true })
            .option('set', { type: 'string', array: true, describe: 'override a field: --set a.b=value' }),
        (args) => {
          io.stdout(JSON.stringify(loadConfig(args.file, args.set ?? []), null, 2) + '\n');
        },
      )
      .demandCommand(1, 'Name an action: schema or show <file>.'),
  );
}
