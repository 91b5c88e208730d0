import type { Command } from 'commander';
import { neutraliseControls } from '../../toolkit/terminal-safe.js';
import { withApp } from '../context.js';

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('print the audit log: every tool call, approval, denial, expiry and refusal')
    .option('-n, --limit <count>', 'how many entries, newest last', '50')
    .option('--jsonl', 'one JSON object per line, for scripts')
    .action(async (options: { limit: string; jsonl?: boolean }, command: Command) => {
      const limit = Number(options.limit);
      if (!/^\d+$/.test(options.limit.trim()) || !Number.isSafeInteger(limit) || limit < 1)
        throw new Error(`--limit must be a positive whole number, not '${options.limit}'`);
      await withApp(command, {}, async (app) => {
        const entries = app.auditEntries(limit);
        for (const entry of entries) {
          if (options.jsonl) {
            process.stdout.write(`${JSON.stringify(entry)}\n`);
          } else {
            const who = entry.person ? ` ${entry.person}` : '';
            const tool = entry.tool ? ` ${entry.tool}` : '';
            const line = `${entry.at}  ${entry.kind.padEnd(18)}${who}${tool}  ${entry.detail}${entry.outcome ? ` -> ${entry.outcome}` : ''}`;
            process.stdout.write(`${neutraliseControls(line)}\n`);
          }
        }
        if (entries.length === 0 && !options.jsonl) process.stdout.write('The audit log is empty.\n');
      });
    });
}
