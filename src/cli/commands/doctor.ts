import type { Command } from 'commander';
import { withApp } from '../context.js';

const marks = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' } as const;

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description('check config, data dir, Docker, Ollama and the voice engines; one line each with the fix')
    .action(async (_options: unknown, command: Command) => {
      await withApp(command, {}, async (app) => {
        const probes = await app.doctor();
        for (const probe of probes) {
          process.stdout.write(
            `${marks[probe.status]}  ${probe.name.padEnd(16)} ${probe.detail}${probe.fix ? `\n      fix: ${probe.fix}` : ''}\n`,
          );
        }
        if (probes.some((probe) => probe.status === 'fail')) process.exitCode = 1;
      });
    });
}
