/**
 * `sysvox alerts test <rule>` through the built binary and the real channel code: one POST each to a local
 * Gotify and ntfy receiver (their documented wire formats), one sendMessage to the fake Telegram Bot API
 * and no polling beside the service's, the alert chime and speech played on an ALSA file speaker. Routing
 * applies as for real alerts: a muted channel, quiet hours and minimum severity say why they skipped.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGotify, type FakeGotify } from '../fakes/fake-gotify.js';
import { startFakeNtfy, type FakeNtfy } from '../fakes/fake-ntfy.js';
import { startFakeTelegram, type FakeTelegram } from '../fakes/fake-telegram.js';
import { alsaFileDevicesProblem, createAlsaFileDevices, type AlsaFileDevices } from '../helpers/alsa-file-devices.js';
import { hasCommand } from '../stt/speech-audio.js';
import { buildCli } from '../cli/cli-harness.js';
import { createAlertsWorkspace, type AlertsWorkspace } from './alerts-workspace.js';

const telegramToken = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz12345';
const chatId = 111;
const testText = 'Test alert from sysvox: this is how a disk alert sounds. Nothing is wrong.';
const ready = alsaFileDevicesProblem() === null && hasCommand('espeak-ng');
if (!ready && process.env.CI === 'true') throw new Error('CI needs alsa-utils and espeak-ng for the speaker');

let workspace: AlertsWorkspace;
let gotify: FakeGotify;
let ntfy: FakeNtfy;
let telegram: FakeTelegram;
let speaker: AlsaFileDevices;

/** "HH:MM" local, `minutes` from now: quiet hours around the present moment. */
function clockIn(minutes: number): string {
  const at = new Date(Date.now() + minutes * 60_000);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

function configure(alerts: string[] = []): void {
  workspace.configure([
    'voice:',
    '  audio:',
    `    playbackDevice: ${speaker.playbackDevice}`,
    '  stt:',
    '    engines: [pocketsphinx]',
    '  tts:',
    '    engines: [espeak-ng]',
    'channels:',
    '  telegram:',
    '    enabled: true',
    `    token: '${telegramToken}'`,
    `    allowedUserIds: [${chatId}]`,
    `    pushChatIds: [${chatId}]`,
    `    apiRoot: ${telegram.apiRoot}`,
    '  gotify:',
    '    enabled: true',
    `    url: ${gotify.url}`,
    `    token: ${gotify.token}`,
    '  ntfy:',
    '    enabled: true',
    `    url: ${ntfy.url}`,
    '    topic: sysvox-test-alerts',
    'alerts:',
    '  commands:',
    '    - name: backup-fresh',
    '      command: [/bin/true]',
    '      description: nightly backup',
    ...alerts.map((line) => `  ${line}`),
  ]);
}

const alertsTest = (...args: string[]) =>
  workspace.run(['alerts', 'test', ...args], { env: speaker.env, timeoutMs: 60_000 });

/** "  gotify  delivered  posted to ..." -> { status, detail } per channel. */
function deliveries(stdout: string): Record<string, { status: string; detail: string }> {
  const rows = stdout.split('\n').filter((line) => /^ {2}\S/.test(line));
  return Object.fromEntries(
    rows.map((row) => {
      const [channel = '', status = '', ...detail] = row.trim().split(/\s{2,}/);
      return [channel, { status, detail: detail.join('  ') }];
    }),
  );
}

describe.skipIf(!ready)('sysvox alerts test', () => {
  beforeAll(async () => {
    buildCli();
    workspace = createAlertsWorkspace();
    [gotify, ntfy, telegram] = await Promise.all([
      startFakeGotify(),
      startFakeNtfy(),
      startFakeTelegram({ token: telegramToken }),
    ]);
    speaker = createAlsaFileDevices();
  }, 240_000);
  afterAll(async () => {
    await Promise.all([gotify?.close(), ntfy?.close(), telegram?.close()]);
    speaker?.close();
    workspace?.remove();
  });
  beforeEach(() => configure());

  it('reaches every channel once, says it is a test, and never polls Telegram', async () => {
    const result = await alertsTest('disk');
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`Sending a test disk alert (warning): "${testText}"`);
    const channels = deliveries(result.stdout);
    expect(Object.keys(channels)).toEqual(['voice', 'telegram', 'gotify', 'ntfy']);
    expect(channels.voice).toEqual({ status: 'delivered', detail: `spoken on ${speaker.playbackDevice}` });
    expect(channels.telegram).toEqual({ status: 'delivered', detail: 'sent to 1 chat' });
    expect(channels.gotify?.status).toBe('delivered');
    expect(channels.ntfy?.status).toBe('delivered');

    expect(gotify.posts()).toHaveLength(1);
    expect(gotify.messages()[0]).toMatchObject({ message: testText, priority: 5 });
    expect(ntfy.posts()).toHaveLength(1);
    expect(ntfy.messages()[0]).toMatchObject({ message: testText, topic: 'sysvox-test-alerts' });
    expect(telegram.sentTexts(chatId)).toEqual([testText]);
    expect(telegram.calls.map((call) => call.method)).toEqual(['sendMessage']);
    // The alert chime, the sentence and the done tone: each its own aplay run.
    expect(speaker.played().length).toBeGreaterThanOrEqual(3);
  });

  it("uses the rule's configured severity, or --severity; command checks from config are rules too", async () => {
    configure(['rules:', '    dockerDown:', '      severity: warning']);
    expect((await alertsTest('docker-down')).stdout).toContain('test docker-down alert (warning)');
    const critical = await alertsTest('disk', '--severity', 'critical');
    expect(critical.stdout).toContain('test disk alert (critical)');
    expect(gotify.messages().at(-1)?.priority).toBe(8);
    const command = await alertsTest('command:backup-fresh');
    expect(command.stdout).toContain(
      '"Test alert from sysvox: this is how an alert from the nightly backup check sounds. Nothing is wrong."',
    );
    expect(command.exitCode).toBe(0);
  });

  it('skips a muted channel and says until when, without posting to it', async () => {
    expect((await workspace.run(['alerts', 'mute', 'ntfy', '--for', '1h'])).exitCode).toBe(0);
    const posted = ntfy.posts().length;
    const result = await alertsTest('disk');
    const channels = deliveries(result.stdout);
    expect(channels.ntfy?.status).toBe('skipped');
    expect(channels.ntfy?.detail).toMatch(/^muted until \S+ \(sysvox alerts unmute ntfy\)$/);
    expect(channels.gotify?.status).toBe('delivered');
    expect(ntfy.posts()).toHaveLength(posted);
    expect(result.exitCode).toBe(0);
    await workspace.run(['alerts', 'unmute', 'ntfy']);
  });

  it('keeps a warning off the speaker in quiet hours but speaks a critical one, as for real alerts', async () => {
    configure(['quietHours:', `    start: '${clockIn(-60)}'`, `    end: '${clockIn(60)}'`]);
    const played = speaker.played().length;
    const warning = deliveries((await alertsTest('disk')).stdout);
    expect(warning.voice?.status).toBe('skipped');
    expect(warning.voice?.detail).toMatch(/^quiet hours \(\d\d:\d\d-\d\d:\d\d\): only critical alerts are spoken$/);
    expect(warning.telegram?.status).toBe('delivered');
    expect(speaker.played()).toHaveLength(played);
    const critical = deliveries((await alertsTest('disk', '--severity', 'critical')).stdout);
    expect(critical.voice?.status).toBe('delivered');
    expect(speaker.played().length).toBeGreaterThan(played);
  });

  it('drops a severity below a route minimum and says so', async () => {
    configure(['routes:', '    gotify:', '      minSeverity: critical']);
    const posted = gotify.posts().length;
    const channels = deliveries((await alertsTest('disk')).stdout);
    expect(channels.gotify).toEqual({
      status: 'skipped',
      detail: 'warning is below alerts.routes.gotify.minSeverity (critical)',
    });
    expect(gotify.posts()).toHaveLength(posted);
  });

  it('names the rules, with the nearest one, for a rule it does not know', async () => {
    const result = await alertsTest('dsik');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('no rule is called dsik (did you mean disk?); rules: cpu, memory, disk,');
    expect(result.stderr).toContain('docker-down, command:backup-fresh');
    expect((await alertsTest('disk', '--severity', 'loud')).stderr).toContain(
      '--severity must be one of info, warning, critical, not loud',
    );
  });

  it('exits 1 and says why when a channel fails (Gotify refuses the token)', async () => {
    gotify.answerNext({ status: 401, json: { error: 'Unauthorized', errorCode: 401, errorDescription: 'bad' } });
    const result = await alertsTest('disk');
    const channels = deliveries(result.stdout);
    expect(channels.gotify?.status).toBe('failed');
    expect(channels.gotify?.detail).toContain('application token');
    expect(channels.telegram?.status).toBe('delivered');
    expect(result.exitCode).toBe(1);
  });
});
