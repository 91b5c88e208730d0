import type { Command } from 'commander';
import { localPerson } from '../local-person.js';
import { withApp } from '../context.js';
import { printTurn } from '../render.js';

export function registerAsk(program: Command): void {
  program
    .command('ask')
    .description('ask one question and print the reply, e.g. sysvox ask "what is the cpu usage"')
    .argument('<words...>', 'the question')
    .option('-v, --verbose', 'show tool calls')
    .action(async (words: string[], options: { verbose?: boolean }, command: Command) => {
      const text = words.join(' ').trim();
      if (!text) throw new Error('Nothing to ask: give a question, e.g. sysvox ask "what is the cpu usage"');
      await withApp(command, {}, async (app) => {
        const events = app.core.handle({
          channel: 'cli',
          person: localPerson(),
          conversation: 'terminal',
          text,
          modality: 'text',
        });
        await printTurn(events, (text) => process.stdout.write(text), options.verbose);
      });
    });
}
