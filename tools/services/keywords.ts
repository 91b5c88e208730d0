/**
 * The services area's keywords for the router's second tier (src/router/guess.ts): the words that point
 * at each intent when no template matched, and how a guess names it.
 */
import type { IntentKeywords } from '../../src/router/area.js';

const around = ['systemd', 'systemctl', 'unit', 'daemon'];

export const servicesKeywords: Readonly<Record<string, IntentKeywords>> = {
  failed_units: { words: ['systemd', 'systemctl', 'failed', 'units'], topic: 'the failed systemd units' },
  unit_status: { words: [...around, 'status', 'active', 'running'], topic: 'the status of {unit}' },
  unit_logs: { words: [...around, 'journal', 'journalctl', 'logs', 'log'], topic: 'the journal of {unit}' },
  unit_errors: { words: [...around, 'errors', 'error'], topic: 'the errors of {unit}' },
  unit_restart: { words: [...around, 'restart', 'bounce'], topic: 'restarting {unit}' },
  unit_stop: { words: [...around, 'stop'], topic: 'stopping {unit}' },
  unit_start: { words: [...around, 'start'], topic: 'starting {unit}' },
};
