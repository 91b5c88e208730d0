/**
 * Units sysvox will not stop (or restart, for itself): stopping them cuts sysvox off from the host (ssh,
 * dbus, the journal, logind) or ends sysvox in the middle of the turn that asked. A person does that by
 * hand. Checked in resolve(), so no approval is ever asked for them.
 */
import { ToolError } from '../../src/errors.js';
import type { UnitAction } from './types.js';
import { spokenUnit } from './unit-name.js';

const self = new Set(['sysvox.service']);
const lifelines = new Set([
  'ssh.service',
  'sshd.service',
  'dbus.service',
  'dbus-broker.service',
  'systemd-journald.service',
  'systemd-logind.service',
  'systemd-networkd.service',
  'NetworkManager.service',
]);

export function checkNotProtected(tool: string, unit: string, action: UnitAction, host: string): void {
  if (self.has(unit) && action !== 'start')
    throw new ToolError(
      tool,
      `I can't ${action} sysvox from inside a conversation; run systemctl ${action} sysvox on ${host === 'local' ? 'this server' : host}.`,
    );
  if (lifelines.has(unit) && action === 'stop')
    throw new ToolError(
      tool,
      `Stopping ${spokenUnit(unit)} could cut ${host === 'local' ? 'this server' : host} off; do that by hand if you mean it.`,
    );
}
