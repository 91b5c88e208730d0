/**
 * What the push channel tests share: notices of each severity, one with an offered restart, a logger
 * that keeps its lines, and channel settings parsed by the real config schemas (defaults included).
 */
import { gotifySchema } from '../../src/config/gotify-schema.js';
import { ntfySchema } from '../../src/config/ntfy-schema.js';
import type { Notice } from '../../src/core/channel.js';
import { createLogger, type Logger } from '../../src/log.js';

export const now = Date.parse('2026-03-01T12:00:00Z');

export const diskWarning: Notice = {
  key: 'alert:disk:/mnt/tank',
  severity: 'warning',
  text: 'Warning: the disk on /mnt/tank is 93 percent full.',
};
export const backupInfo: Notice = { key: 'report:daily', severity: 'info', text: 'All 12 containers are healthy.' };
export const plexDown: Notice = {
  key: 'alert:container:plex',
  severity: 'critical',
  text: 'plex has been unhealthy for 5 minutes. Shall I restart it?',
  actions: [
    {
      id: 'n1',
      tool: 'docker_restart',
      description: "restart container 'plex'",
      expiresAt: new Date(now + 10 * 60_000),
      confirmPhrase: 'yes, restart plex',
    },
  ],
};

export function capturingLog(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: createLogger({ level: 'debug', write: (line) => lines.push(line) }), lines };
}

export const gotifySettings = (settings: Record<string, unknown>) => gotifySchema.parse({ enabled: true, ...settings });
export const ntfySettings = (settings: Record<string, unknown>) => ntfySchema.parse({ enabled: true, ...settings });

/** An AbortSignal that never fires: the channel runs until stop(). */
export const keepRunning = new AbortController().signal;
