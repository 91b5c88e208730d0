import { createInterface } from 'node:readline';
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
        app.sampler.start(); // a long-running session: keep the metrics fresh between questions
        // The line iterator buffers input, so lines piped in faster than answers are not lost.
        const terminal = createInterface({
          input: process.stdin,
          output: process.stdout,
          terminal: process.stdin.isTTY,
        });
        process.stdout.write('sysvox chat: ask anything; "exit" or Ctrl-D to leave.\n');
        terminal.setPrompt('you> ');
        terminal.prompt();
        const person = localPerson();
        try {
          for await (const raw of terminal) {
            const line = raw.trim();
            if (line === 'exit' || line === 'quit') break;
            if (line) {
              const events = app.core.handle({
                channel: 'cli',
                person,
                conversation: 'terminal',
                text: line,
                modality: 'text',
              });
              await printTurn(events, (text) => process.stdout.write(`sysvox> ${text}`), options.verbose);
            }
            terminal.prompt();
          }
        } finally {
          terminal.close();
        }
      });
    });
}
