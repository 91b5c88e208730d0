import type { Command } from 'commander';
import { createApp, type App, type AppOptions } from '../app/main.js';

/** Builds the app for a one-shot command and always closes it (SQLite, samplers, child processes). */
export async function withApp<T>(
  command: Command,
  options: Partial<AppOptions>,
  body: (app: App) => Promise<T>,
): Promise<T> {
  const global = command.optsWithGlobals() as { config?: string };
  // One-shot commands keep stderr quiet unless SYSVOX_LOG_LEVEL (or the config's logLevel through it) asks for more.
  const logLevel = process.env.SYSVOX_LOG_LEVEL ? undefined : 'error';
  const app = await createApp({ configPath: global.config, logTo: 'stderr', logLevel, ...options });
  try {
    return await body(app);
  } finally {
    await app.close();
  }
}
