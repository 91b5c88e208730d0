import type { Command } from 'commander';
import type { TurnTimings } from '../../memory/timings.js';
import { withApp } from '../context.js';

/** Voice stages first, in the order they happen; anything else after. */
const stageOrder = ['wake-to-speech', 'speech', 'stt', 'core', 'router', 'brain', 'first-audio'];

export function formatTimings(turn: TurnTimings): string {
  const stages = Object.entries(turn.stages).sort(([left], [right]) => rank(left) - rank(right));
  return `${turn.at.toISOString()}  ${turn.channel.padEnd(8)} ${stages.map(([stage, ms]) => `${stage} ${Math.round(ms)} ms`).join(', ')}`;
}

function rank(stage: string): number {
  const index = stageOrder.indexOf(stage);
  return index < 0 ? stageOrder.length : index;
}

export function registerTimings(program: Command): void {
  program
    .command('timings')
    .description('timings of the recent turns: wake to speech, speech, STT, router or brain, first audio')
    .option('-n, --limit <count>', 'how many turns', '10')
    .action(async (options: { limit: string }, command: Command) => {
      await withApp(command, {}, async (app) => {
        const turns = app.memory.timings.recent(Math.max(1, Number(options.limit) || 10));
        if (turns.length === 0) process.stdout.write('no turns recorded yet\n');
        for (const turn of turns) process.stdout.write(`${formatTimings(turn)}\n`);
      });
    });
}
