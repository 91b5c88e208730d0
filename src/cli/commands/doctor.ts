import type { Command } from 'commander';
import type { EngineProbe } from '../../probe.js';
import { withApp } from '../context.js';

const marks = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' } as const;

/** What scripts (the installer, a monitoring check) read from the exit code: 0 all ok, 1 a warning, 2 a failure. */
export function doctorExitCode(probes: readonly EngineProbe[]): 0 | 1 | 2 {
  if (probes.some((probe) => probe.status === 'fail')) return 2;
  if (probes.some((probe) => probe.status === 'warn')) return 1;
  return 0;
}

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description(
      'check config, data dir, Docker, Ollama and the voice engines; one line each with the fix. Exit code: 0 all ok, 1 warnings, 2 failures',
    )
    .option('--json', 'print the probes as a JSON array of {name, status, detail, fix} for scripts')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withApp(command, {}, async (app) => {
        const probes = await app.doctor();
        if (options.json) {
          const rows = probes.map(({ name, status, detail, fix }) => ({ name, status, detail, fix: fix ?? null }));
          process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        } else {
          for (const probe of probes) {
            process.stdout.write(
              `${marks[probe.status]}  ${probe.name.padEnd(16)} ${probe.detail}${probe.fix ? `\n      fix: ${probe.fix}` : ''}\n`,
            );
          }
        }
        process.exitCode = doctorExitCode(probes);
      });
    });
}
