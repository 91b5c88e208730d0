import type { Command } from 'commander';
import { createApp } from '../../app/main.js';
import { startHeartbeat } from '../../app/service-heartbeat.js';
import { createServiceNotifier } from '../../app/service-notify.js';
import { watchStopSignals } from '../stop-signals.js';

/** Below the unit's TimeoutStopSec=30, so a stuck stop ends with our log line rather than systemd's SIGKILL. */
const stopDeadlineMs = 20_000;

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run the service (systemd runs this): the core, and the channels that are configured')
    .action(async (_options: unknown, command: Command) => {
      const global = command.optsWithGlobals() as { config?: string };
      const app = await createApp({ configPath: global.config, logTo: 'stdout' });
      const signals = watchStopSignals(app.log, stopDeadlineMs);
      const notifier = createServiceNotifier({ log: app.log });
      let phase = 'starting';
      // Started first: /healthz (metrics.enabled) reports the same event-loop health as the watchdog.
      const heartbeat = startHeartbeat({ notifier, status: () => app.serviceStatus(phase), log: app.log });
      try {
        await app.start({ loopHealth: heartbeat.health });
      } catch (error) {
        heartbeat.stop();
        await app.close();
        throw error;
      }
      // The service lives until a signal, even when no channel holds the event loop open
      // (no microphone, Telegram off, background timers unref'd).
      const alive = setInterval(() => {}, 60_000);
      // READY=1 once every channel has had its first try, unless a signal came first.
      void app.channelsTried().then(() => {
        if (phase === 'stopping') return;
        phase = 'ready';
        const status = app.serviceStatus(phase);
        app.log.info('ready: every enabled channel started or said why not', { status });
        return notifier.ready(status);
      });
      await signals.received;
      phase = 'stopping';
      signals.stopping();
      heartbeat.stop();
      clearInterval(alive);
      await Promise.all([notifier.stopping('stopping: closing the channels and the database'), app.close()]);
      app.log.info('stopped');
    });
}
