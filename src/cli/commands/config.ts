import type { Command } from 'commander';
import { stringify } from 'yaml';
import { describeEffectiveRisk } from '../../config/effective-risk.js';
import { maskSecrets } from '../../config/mask.js';
import { withApp } from '../context.js';

export function registerConfig(program: Command): void {
  const config = program.command('config').description('configuration');
  config
    .command('check')
    .description('validate the config and print the effective values, secrets masked')
    .action(async (_options: unknown, command: Command) => {
      // The app is built as every other command builds it, so a tool named under tools.risk that does
      // not exist fails here with the same sentence; nothing is started.
      await withApp(command, {}, async ({ loaded, registry }) => {
        const { effective, warnings } = describeEffectiveRisk(loaded.config.tools.risk, registry);
        const masked = maskSecrets(loaded.config);
        (masked.tools as { risk: Record<string, string> }).risk = effective;
        process.stdout.write(`# config file: ${loaded.path ?? 'none (built-in defaults)'}\n`);
        for (const [key, variable] of Object.entries(loaded.fromEnv))
          process.stdout.write(`# ${key} from ${variable}\n`);
        for (const [key, file] of Object.entries(loaded.fromCredentials))
          process.stdout.write(`# ${key} from credential ${file}\n`);
        for (const warning of warnings) {
          process.stdout.write(`# warning: ${warning}\n`);
          process.stderr.write(`sysvox: warning: ${warning}\n`);
        }
        process.stdout.write(stringify(masked));
      });
    });
}
