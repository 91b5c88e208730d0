import type { Command } from 'commander';
import { createApp } from '../../app/main.js';

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run the service (systemd runs this): the core, and the channels that are configured')
    .action(async (_options: unknown, command: Command) => {
      const global = command.optsWithGlobals() as { config?: string };
      const app = await createApp({ configPath: global.config, logTo: 'stdout' });
      await app.start();
      // The service lives until a signal, even when no channel holds the event loop open
      // (no microphone, Telegram off, background timers unref'd).
      const alive = setInterval(() => {}, 60_000);
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          app.log.info('stopping', { signal });
          resolve();
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
      });
      clearInterval(alive);
      await app.close();
      app.log.info('stopped');
    });
}
