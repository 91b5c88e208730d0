/** The service's one-line status for systemd (STATUS=, shown by `systemctl status sysvox`). */
import type { Channel } from '../core/channel.js';

export function describeServiceStatus(phase: string, channels: readonly Channel[], alertsFiring: number): string {
  const parts = channels.map((channel) => `${channel.name} ${channel.health().status}`);
  if (parts.length === 0) parts.push('no channels enabled');
  parts.push(`${alertsFiring} alert${alertsFiring === 1 ? '' : 's'} firing`);
  return `${phase}: ${parts.join(', ')}`;
}
