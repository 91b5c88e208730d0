/**
 * The daily report as the service runs it (wireAlerts start/stop) with a fake clock, on a real SQLite
 * file, through the real Gotify channel to a local Gotify receiver and the speaker channel on espeak-ng:
 * sent once at the configured time, not again after a restart, late the same day when sysvox was down
 * at the time; what it says (fired and resolved, wrong now, disk against yesterday); and its routes
 * (no minimum severity drops it, quiet hours keep it off the speaker, speak/push and mutes apply).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGotifyChannel } from '../../channels/gotify/gotify-channel.js';
import { createRecordingSink, type RecordingSink } from '../../channels/local/audio-sinks.js';
import { createSpeakerChannel } from '../../channels/local/speaker-channel.js';
import type { ContainerProblem } from '../../src/alerts/daily-report-text.js';
import type { DiskUse } from '../../src/alerts/disk-history.js';
import { wireAlerts, type AlertsWiring } from '../../src/app/wire-alerts.js';
import { configSchema } from '../../src/config/schema.js';
import type { Channel } from '../../src/core/channel.js';
import { createLogger } from '../../src/log.js';
import { openMemory, type Memory } from '../../src/memory/memory.js';
import { createEspeakTts } from '../../voice/tts/espeak-tts.js';
import { startFakeGotify, type FakeGotify } from '../fakes/fake-gotify.js';
import { hasCommand } from '../stt/speech-audio.js';
import { diskObservation, unhealthyObservation } from './alerts-workspace.js';

const ready = hasCommand('espeak-ng');
if (!ready && process.env.CI === 'true') throw new Error('CI needs espeak-ng: apt-get install espeak-ng');

const minute = 60_000;
/** Local times: the report's "at" and "today" are local. */
const at = (day: number, hours: number, minutes = 0) => new Date(2026, 2, 1 + day, hours, minutes);

let gotify: FakeGotify;
let folder: string;
let now = at(0, 7);
const clock = () => new Date(now);
const disk: DiskUse = {};
let containers: ContainerProblem[] = [];
const log = createLogger({ write: () => {} });

interface Service {
  memory: Memory;
  wiring: AlertsWiring;
  spoken: RecordingSink;
  channels: Channel[];
  stop(): Promise<void>;
}

function configFor(alerts: Record<string, unknown>) {
  return configSchema.parse({
    alerts: { keepFiringFor: '0s', groupWait: '0s', ...alerts },
    channels: { gotify: { enabled: true, url: gotify.url, token: gotify.token } },
  });
}

/** The service's alert wiring on the shared database file, with the channels it would run. */
async function service(alerts: Record<string, unknown> = {}, options: { start?: boolean } = {}): Promise<Service> {
  const config = configFor({ dailyReport: { enabled: true, at: '08:00' }, ...alerts });
  const memory = openMemory({ path: join(folder, 'sysvox.db'), clock });
  const wiring = wireAlerts({
    config: config.alerts,
    memory,
    core: { requestAction: () => Promise.reject(new Error('no actions in these tests')) },
    checks: [],
    reportSources: {
      problemContainers: async () => containers,
      diskUse: async () => ({ ...disk }),
    },
    log,
    clock,
  });
  const spoken = createRecordingSink();
  const speaker = createSpeakerChannel({
    tts: createEspeakTts({ voice: 'en-us' }),
    sink: spoken,
    device: 'the test speaker',
    earcons: true,
    approvalsByVoice: true,
    log,
  });
  // The service's voice channel is the running microphone loop; here the speaker stands in for it.
  const voice: Channel = { ...speaker, health: () => ({ status: 'running', detail: 'speaking' }) };
  const push = createGotifyChannel({ config, log });
  await push.start(new AbortController().signal);
  const channels = [voice, push];
  if (options.start !== false) {
    wiring.start(channels);
    await wiring.report.tick();
  }
  return {
    memory,
    wiring,
    spoken,
    channels,
    async stop() {
      await wiring.stop();
      memory.close();
    },
  };
}

const reports = () => gotify.messages().filter((message) => message.message.includes('In the last 24 hours'));

describe.skipIf(!ready)('the daily report', () => {
  beforeAll(async () => {
    gotify = await startFakeGotify();
    folder = mkdtempSync(join(tmpdir(), 'sysvox-daily-report-'));
  });
  afterAll(async () => {
    await gotify?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('is sent once at the time with what fired and resolved, what is wrong now and disk use against yesterday', async () => {
    // Day 0, before the report's time: the first sample of the day is kept for tomorrow's comparison.
    Object.assign(disk, { '/': 39, '/mnt/tank': 93 });
    now = at(0, 7);
    await (await service()).stop();
    expect(reports()).toHaveLength(0);

    // Later on day 0 (the service's engine, no report ticks): two disks fill up and recover, nextcloud breaks.
    const engine = await service({}, { start: false });
    const covers = [{ rule: 'disk', host: 'local' }];
    const observe = async (minutes: number, source: string, observations: ReturnType<typeof diskObservation>[]) => {
      now = new Date(at(0, 10).getTime() + minutes * minute);
      engine.wiring.engine.observe(source, { observations, covers: source === 'system.metrics' ? covers : [] });
      await engine.wiring.engine.tick();
    };
    await observe(0, 'system.metrics', [diskObservation('/mnt/tank', 93)]);
    await observe(30, 'system.metrics', [diskObservation('/mnt/tank', 93), diskObservation('/srv/media', 91)]);
    await observe(60, 'system.metrics', [diskObservation('/mnt/tank', 80), diskObservation('/srv/media', 70)]);
    await observe(61, 'system.metrics', [diskObservation('/mnt/tank', 80), diskObservation('/srv/media', 70)]);
    await observe(90, 'docker.containers', [unhealthyObservation('nextcloud')]);
    await engine.stop();

    // Day 1: not yet at 07:59, once at 08:00, not again at 08:05.
    Object.assign(disk, { '/': 41, '/mnt/tank': 93 });
    containers = [
      { name: 'nextcloud', problem: 'nextcloud is unhealthy' },
      { name: 'job', problem: 'job exited with code 3' },
    ];
    now = at(1, 7, 59);
    const first = await service();
    expect(reports()).toHaveLength(0);
    now = at(1, 8);
    await first.wiring.report.tick();
    expect(reports()).toHaveLength(1);
    expect(reports()[0]?.message).toBe(
      'Good morning. In the last 24 hours 3 alerts fired and 2 of them resolved: the disk on /mnt/tank is 93 percent full, resolved; the disk on /srv/media is 91 percent full, resolved; and nextcloud is unhealthy. ' +
        'Right now 2 things are wrong: nextcloud is unhealthy and job exited with code 3. ' +
        'Disk use: / is at 41 percent, up 2 points since yesterday; /mnt/tank at 93 percent, unchanged.',
    );
    expect(reports()[0]?.priority).toBe(2);
    expect(first.spoken.chunks.length).toBeGreaterThan(2);
    now = at(1, 8, 5);
    await first.wiring.report.tick();
    expect(reports()).toHaveLength(1);

    // A restart the same morning (a new wiring on the same database) does not send it again.
    await first.stop();
    now = at(1, 8, 30);
    const restarted = await service();
    expect(reports()).toHaveLength(1);
    expect(restarted.spoken.chunks).toHaveLength(0);
    await restarted.stop();
  });

  it('is sent late, once, when sysvox was down at the time and comes up later that day', async () => {
    Object.assign(disk, { '/': 40, '/mnt/tank': 93 });
    containers = [];
    now = at(2, 14);
    const late = await service();
    expect(reports()).toHaveLength(2);
    expect(reports()[1]?.message).toBe(
      'Good afternoon. In the last 24 hours no alerts fired. Right now one thing is wrong: nextcloud is unhealthy. ' +
        'Disk use: / is at 40 percent, down 1 point since yesterday; /mnt/tank at 93 percent, unchanged.',
    );
    now = at(2, 15);
    await late.wiring.report.tick();
    await late.stop();
    now = at(2, 16);
    await (await service()).stop();
    expect(reports()).toHaveLength(2);

    // The next day it waits for its time again.
    now = at(3, 7);
    const nextDay = await service();
    expect(reports()).toHaveLength(2);
    now = at(3, 8);
    await nextDay.wiring.report.tick();
    expect(reports()).toHaveLength(3);
    await nextDay.stop();
  });

  it('is routed as a report: no minimum severity drops it, quiet hours keep it off the speaker, flags and mutes apply', async () => {
    now = at(4, 6, 30);
    const quiet = await service({ quietHours: { start: '22:00', end: '07:00' } }, { start: false });
    const notice = await quiet.wiring.report.compose();
    expect(notice).toMatchObject({ key: 'report:daily', severity: 'info' });
    const byChannel = async (wiring: AlertsWiring, channels: Channel[]) =>
      Object.fromEntries((await wiring.sendReport(notice, channels)).map((delivery) => [delivery.channel, delivery]));
    const atNight = await byChannel(quiet.wiring, quiet.channels);
    expect(atNight.voice).toMatchObject({ status: 'skipped', detail: expect.stringContaining('quiet hours') });
    expect(atNight.gotify?.status).toBe('delivered');
    quiet.wiring.routing.mute('gotify', new Date(now.getTime() + 60 * minute));
    expect((await byChannel(quiet.wiring, quiet.channels)).gotify?.detail).toMatch(/^muted until /);
    await quiet.stop();

    const pushOnly = await service({ dailyReport: { enabled: true, speak: false } }, { start: false });
    now = at(4, 12);
    pushOnly.wiring.routing.unmute('gotify');
    const sent = await byChannel(pushOnly.wiring, pushOnly.channels);
    expect(sent.voice).toEqual({ channel: 'voice', status: 'skipped', detail: 'alerts.dailyReport.speak is off' });
    expect(sent.gotify?.status).toBe('delivered');
    expect(pushOnly.spoken.chunks).toHaveLength(0);
    await pushOnly.stop();
  });
});
