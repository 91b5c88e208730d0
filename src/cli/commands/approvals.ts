import type { Command } from 'commander';
import { withApp } from '../context.js';
import { localPerson } from '../local-person.js';

export function registerApprovals(program: Command): void {
  const approvals = program.command('approvals').description('list, approve or deny pending actions');
  approvals
    .command('list', { isDefault: true })
    .description('pending approvals')
    .option('--all', 'include resolved and expired ones')
    .action(async (options: { all?: boolean }, command: Command) => {
      await withApp(command, {}, async (app) => {
        const rows = app.listApprovals({ all: options.all === true });
        if (rows.length === 0)
          process.stdout.write(options.all ? 'No approvals recorded.\n' : 'Nothing is waiting for approval.\n');
        for (const row of rows) {
          process.stdout.write(
            `${row.id}  ${row.status.padEnd(9)} ${row.description}  (asked by ${row.requester} on ${row.channel}, ${row.expiresNote})\n`,
          );
        }
      });
    });
  for (const decision of ['approve', 'deny'] as const) {
    approvals
      .command(decision)
      .description(`${decision} a pending action by its id`)
      .argument('<id>', 'the approval id shown by sysvox approvals')
      .action(async (id: string, _options: unknown, command: Command) => {
        await withApp(command, {}, async (app) => {
          const resolution = await app.core.resolveApproval({
            approvalId: id,
            decision,
            person: localPerson(),
            channel: 'cli',
          });
          process.stdout.write(`${resolution.message}\n`);
          // Scripts must see that nothing happened: only a decision that was carried out exits 0.
          const carriedOut =
            resolution.status === 'executed' ? resolution.outcome.status === 'ok' : resolution.status === 'denied';
          if (!carriedOut) process.exitCode = 1;
        });
      });
  }
}
