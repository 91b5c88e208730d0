import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { withApp } from '../context.js';
import { localPerson } from '../local-person.js';
import { printTurn } from '../render.js';

export function registerChat(program: Command): void {
  program
    .command('chat')
    .description('talk to sysvox in the terminal; answer approvals with yes or no at the prompt')
    .option('-v, --verbose', 'show tool calls')
    .action(async (options: { verbose?: boolean }, command: Command) => {
      await withApp(command, {}, async (app) => {
        const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
        process.stdout.write('sysvox chat: ask anything; "exit" or Ctrl-D to leave.\n');
        const person = localPerson();
        try {
          for (;;) {
            let line: string;
            try {
              line = (await terminal.question('you> ')).trim();
            } catch {
              break; // Ctrl-D / stdin closed
            }
            if (line === 'exit' || line === 'quit') break;
            if (!line) continue;
            const events = app.core.handle({ channel: 'cli', person, conversation: 'terminal', text: line, modality: 'text' });
            await printTurn(events, (text) => process.stdout.write(`sysvox> ${text}`), options.verbose);
          }
        } finally {
          terminal.close();
        }
      });
    });
}
