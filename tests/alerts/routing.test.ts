/**
 * Alert routing per channel: a minimum severity, a mute from the config or from `sysvox alerts mute`
 * (kept in SQLite, so it survives a restart, and ends by itself), and quiet hours that silence the
 * speaker but not the pushes, except for a critical alert.
 */
import { describe, expect, it } from 'vitest';
import { notifyChannels } from '../../src/app/channels.js';
import { createAlertRouting, inQuietHours } from '../../src/alerts/routing.js';
import { configSchema } from '../../src/config/schema.js';
import type { Channel, Notice } from '../../src/core/channel.js';
import { createLogger } from '../../src/log.js';
import { openMemory } from '../../src/memory/memory.js';

function alertsConfig(alerts: Record<string, unknown>) {
  return configSchema.parse({ alerts }).alerts;
}

/** 23:30 local time on a fixed day. */
const lateEvening = new Date(2026, 11, 2, 23, 30);
const afternoon = new Date(2026, 11, 2, 15, 0);

function recordingChannel(name: string) {
  const notices: Notice[] = [];
  const channel: Channel = {
    name,
    start: async () => {},
    stop: async () => {},
    health: () => ({ status: 'running', detail: 'running' }),
    notify: async (notice) => {
      notices.push(notice);
      return { status: 'delivered', detail: 'ok' };
    },
  };
  return { channel, notices };
}

describe('alert routing', () => {
  it('at night the speaker says only critical alerts, while Telegram still gets the warning', async () => {
    let now = lateEvening;
    const memory = openMemory({ path: ':memory:' });
    const routing = createAlertRouting({
      config: alertsConfig({ quietHours: { start: '22:00', end: '07:00' } }),
      kv: memory.kv,
      clock: () => now,
    });
    const voice = recordingChannel('voice');
    const telegram = recordingChannel('telegram');
    const channels = [voice.channel, telegram.channel];
    const route = (severity: Notice['severity']) => (channel: Channel) => routing.decide(channel.name, severity);
    const warning: Notice = {
      key: 'alert:disk',
      severity: 'warning',
      text: 'Warning: the disk on / is 93 percent full.',
    };
    const deliveries = await notifyChannels(channels, warning, createLogger({ write: () => {} }), route('warning'));
    expect(voice.notices).toEqual([]);
    expect(telegram.notices).toEqual([warning]);
    expect(deliveries.find((delivery) => delivery.channel === 'voice')?.detail).toContain('quiet hours (22:00-07:00)');

    const critical: Notice = { ...warning, severity: 'critical', text: 'Critical: the disk on / is 99 percent full.' };
    await notifyChannels(channels, critical, createLogger({ write: () => {} }), route('critical'));
    expect(voice.notices).toEqual([critical]);

    now = afternoon;
    await notifyChannels(channels, warning, createLogger({ write: () => {} }), route('warning'));
    expect(voice.notices).toEqual([critical, warning]);
  });

  it('a channel muted in the config or for a while gets nothing; the runtime mute ends by itself', () => {
    let now = afternoon;
    const memory = openMemory({ path: ':memory:' });
    const config = alertsConfig({ routes: { ntfy: { muted: true }, telegram: { minSeverity: 'critical' } } });
    const routing = createAlertRouting({ config, kv: memory.kv, clock: () => now });
    expect(routing.decide('ntfy', 'critical')).toEqual({ send: false, reason: 'muted in alerts.routes.ntfy' });
    expect(routing.decide('telegram', 'warning').send).toBe(false);
    expect(routing.decide('telegram', 'critical').send).toBe(true);
    expect(routing.decide('gotify', 'info')).toMatchObject({ send: false });
    expect(routing.decide('gotify', 'warning').send).toBe(true);

    routing.mute('voice', new Date(afternoon.getTime() + 2 * 3_600_000));
    expect(routing.decide('voice', 'critical')).toMatchObject({ send: false });
    expect(routing.decide('voice', 'critical').reason).toContain('sysvox alerts unmute voice');
    expect(routing.mutes().map((mute) => mute.channel)).toEqual(['voice']);
    now = new Date(afternoon.getTime() + 2 * 3_600_000 + 1000);
    expect(routing.decide('voice', 'critical').send).toBe(true);
    expect(routing.mutes()).toEqual([]);
  });

  it('quiet hours may cross midnight or not, and an empty window is never quiet', () => {
    const night = { start: '22:00', end: '07:00' };
    expect(inQuietHours(new Date(2026, 0, 1, 21, 59), night)).toBe(false);
    expect(inQuietHours(new Date(2026, 0, 1, 22, 0), night)).toBe(true);
    expect(inQuietHours(new Date(2026, 0, 1, 3, 0), night)).toBe(true);
    expect(inQuietHours(new Date(2026, 0, 1, 7, 0), night)).toBe(false);
    const siesta = { start: '13:00', end: '15:00' };
    expect(inQuietHours(new Date(2026, 0, 1, 14, 0), siesta)).toBe(true);
    expect(inQuietHours(new Date(2026, 0, 1, 16, 0), siesta)).toBe(false);
    expect(inQuietHours(new Date(2026, 0, 1, 16, 0), { start: '16:00', end: '16:00' })).toBe(false);
  });

  it('a quiet-hours time that is not HH:MM is refused with how to write it', () => {
    const parsed = configSchema.safeParse({ alerts: { quietHours: { start: '10pm', end: '07:00' } } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('HH:MM');
  });
});
