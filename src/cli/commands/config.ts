import type { Command } from 'commander';
import { stringify } from 'yaml';
import { loadConfig } from '../../config/load.js';
import { maskSecrets } from '../../config/mask.js';

export function registerConfig(program: Command): void {
  const config = program.command('config').description('configuration');
  config
    .command('check')
    .description('validate the config and print the effective values, secrets masked')
    .action((_options: unknown, command: Command) => {
      const global = command.optsWithGlobals() as { config?: string };
      const loaded = loadConfig({ path: global.config });
      process.stdout.write(`# config file: ${loaded.path ?? 'none (built-in defaults)'}\n`);
      for (const [key, variable] of Object.entries(loaded.fromEnv)) process.stdout.write(`# ${key} from ${variable}\n`);
      process.stdout.write(stringify(maskSecrets(loaded.config)));
    });
}
