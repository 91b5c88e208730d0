/**
 * A real container in the test Docker engine turns unhealthy, and the whole appliance reacts as a user
 * would see it: one spoken notice on the speaker (espeak-ng through ALSA's file plugin, transcribed back
 * by pocketsphinx), one Telegram message with Approve/Deny (fake Bot API), one POST each to Gotify and
 * ntfy (fakes speaking their documented formats). Approve on Telegram restarts the container exactly
 * once, through the policy; it turns healthy, and a recovery notice follows on every channel.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/main.js';
import { createLexicon } from '../../src/router/lexicon.js';
import { readWav } from '../../voice/audio/wav.js';
import { earcon, earconNames } from '../../voice/earcons/earcons.js';
import { commandGrammar } from '../../voice/stt/jsgf-grammar.js';
import { createPocketsphinxStt } from '../../voice/stt/pocketsphinx-stt.js';
import { startFakeGotify, type FakeGotify } from '../fakes/fake-gotify.js';
import { startFakeNtfy, type FakeNtfy } from '../fakes/fake-ntfy.js';
import { shownText, startFakeTelegram, type FakeTelegram } from '../fakes/fake-telegram.js';
import { alsaFileDevicesProblem, createAlsaFileDevices, type AlsaFileDevices } from '../helpers/alsa-file-devices.js';
import { describeDocker, testDockerHost, waitFor } from '../helpers/docker-engine.js';
import { requireAudio } from '../helpers/audio-fixtures.js';
import { defaultWakeModels, requireModels } from '../helpers/model-fixtures.js';
import { buttonData } from '../telegram-e2e/telegram-app.js';
import { callbackUpdate } from '../telegram/helpers/telegram-updates.js';

/** Said by espeak-ng as "backup vault": a name pocketsphinx can be asked to hear. */
const container = 'backup-vault';
const chat = 111;
const topic = 'homelab-alerts';

const docker = (args: string[]) => {
  const result = spawnSync('docker', args, {
    encoding: 'utf8',
    env: { ...process.env, DOCKER_HOST: testDockerHost() },
  });
  if (result.status !== 0) throw new Error(`docker ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
};
const health = () => docker(['inspect', '-f', '{{.State.Health.Status}}', container]);
const startedAt = () => docker(['inspect', '-f', '{{.State.StartedAt}}', container]);

const alsaProblem = alsaFileDevicesProblem();
if (alsaProblem && process.env.CI === 'true') throw new Error(`CI needs the ALSA tools: ${alsaProblem}`);
const speech = requireAudio({ commands: ['espeak-ng', 'pocketsphinx_continuous'] });
const models = await requireModels(defaultWakeModels);
/** Why the spoken part cannot run here, or null. */
const skipReason = alsaProblem ?? (speech.skip ? speech.reason : models.skip ? models.reason : null);

let app: App;
let folder: string;
let devices: AlsaFileDevices;
let telegram: FakeTelegram;
let gotify: FakeGotify;
let ntfy: FakeNtfy;
// Reads back sysvox's own speech: its sentences come in chunks with pauses between them, so the product's
// rule that a long pause before the last word means a forced hypothesis does not apply to this reader.
const stt = createPocketsphinxStt({
  maximumSilenceSeconds: Number.POSITIVE_INFINITY,
  grammar: () =>
    commandGrammar(undefined, {
      lexicon: createLexicon([]),
      templates: [
        {
          intent: 'notice',
          patterns: [
            '(warning | critical | resolved) backup vault is (unhealthy | healthy again) [to approve say yes restart backup vault]',
          ],
        },
      ],
    }),
});

/**
 * What the speaker said: one entry per notice, from its alert chime to its done earcon, with the earcons
 * by name and the speech between them transcribed (the TTS streams a sentence in several chunks, each
 * its own playback). Told apart by the earcons, not by timing, so a slow machine reads the same.
 */
async function spoken(): Promise<Array<{ earcons: string[]; text: string }>> {
  const notices: Array<{ earcons: string[]; speech: Int16Array[] }> = [];
  for (const played of devices.played()) {
    const data = played.wav.subarray(played.wav.indexOf('data', 12, 'ascii') + 8);
    // ALSA pads the last period with silence, so an earcon is its own samples, then zeros.
    const name = earconNames.find((candidate) => {
      const pcm = earcon(candidate).pcm;
      return data.length >= pcm.length && data.subarray(0, pcm.length).equals(pcm);
    });
    if (name === 'alert' || notices.length === 0) notices.push({ earcons: [], speech: [] });
    const current = notices.at(-1)!;
    if (name) current.earcons.push(name);
    else current.speech.push(readWav(played.wav).pcm.samples);
  }
  const said: Array<{ earcons: string[]; text: string }> = [];
  for (const notice of notices) {
    const samples = Int16Array.from(notice.speech.flatMap((part) => Array.from(part)));
    const text = samples.length > 0 ? (await stt.transcribe({ sampleRate: 16000, samples })).text : '';
    said.push({ earcons: notice.earcons, text });
  }
  return said;
}
const saidAbout = async (words: string) => (await spoken()).filter((notice) => notice.text.includes(words));

const telegramTexts = () => telegram.callsTo('sendMessage').map((call) => shownText(call.params));
const about = (texts: string[], words: string) => texts.filter((text) => text.includes(words));

describeDocker('an unhealthy container, end to end', () => {
  beforeAll(async () => {
    if (skipReason) return;
    docker(['rm', '-f', container]);
    docker([
      'run',
      '-d',
      '--name',
      container,
      '--health-cmd',
      'test -f /tmp/ok',
      '--health-interval',
      '1s',
      '--health-retries',
      '1',
      'busybox:sysvox',
      'sh',
      '-c',
      "touch /tmp/ok; trap 'exit 0' TERM; while true; do sleep 1; done",
    ]);
    await waitFor(async () => (health() === 'healthy' ? true : undefined), 30_000, `${container} to be healthy`);
    devices = createAlsaFileDevices();
    telegram = await startFakeTelegram({ token: '123456:TEST-token-abcdefghijklmnopqrstuvwxyz12345' });
    gotify = await startFakeGotify();
    ntfy = await startFakeNtfy();
    folder = mkdtempSync(join(tmpdir(), 'sysvox-alerts-e2e-'));
    // Only this container: the fixtures and other test files' containers in the shared engine stay out.
    const watch = `[${container}]`;
    writeFileSync(
      join(folder, 'sysvox.yaml'),
      [
        'ollama:',
        '  host: http://127.0.0.1:9',
        'policy:',
        `  approvers: ['telegram:${chat}']`,
        'voice:',
        '  enabled: true',
        '  audio:',
        '    backend: alsa',
        `    captureDevice: ${devices.captureDevice}`,
        `    playbackDevice: ${devices.playbackDevice}`,
        '  stt:',
        '    engines: [pocketsphinx]',
        '  tts:',
        '    engines: [espeak-ng]',
        'channels:',
        '  telegram:',
        '    enabled: true',
        `    token: '${telegram.token}'`,
        `    allowedUserIds: [${chat}]`,
        `    apiRoot: ${telegram.apiRoot}`,
        '    pollTimeoutSeconds: 1',
        `    pushChatIds: [${chat}]`,
        '  gotify:',
        '    enabled: true',
        `    url: ${gotify.url}`,
        '  ntfy:',
        '    enabled: true',
        `    url: ${ntfy.url}`,
        `    topic: ${topic}`,
        'alerts:',
        '  evaluateEvery: 1s',
        '  groupWait: 0s',
        '  groupInterval: 2s',
        '  keepFiringFor: 0s',
        '  rules:',
        ...['cpu', 'memory', 'disk', 'temperature', 'load'].map((rule) => `    ${rule}: { enabled: false }`),
        `    containerUnhealthy: { for: 0s, watch: ${watch} }`,
        `    containerExited: { watch: ${watch} }`,
        `    containerRestartLoop: { watch: ${watch} }`,
        '',
      ].join('\n'),
    );
    // arecord and aplay are started with the process's environment, as under systemd.
    process.env.ALSA_CONFIG_PATH = devices.env.ALSA_CONFIG_PATH;
    const env = {
      ...process.env,
      SYSVOX_CONFIG: join(folder, 'sysvox.yaml'),
      SYSVOX_DATA: join(folder, 'data'),
      SYSVOX_GOTIFY_TOKEN: gotify.token,
      DOCKER_HOST: testDockerHost(),
    };
    app = await createApp({ logTo: 'stderr', logLevel: 'warn', env });
    await app.start();
    await waitFor(
      async () => (app.channels.every((channel) => channel.health().status === 'running') ? true : undefined),
      60_000,
      'every channel to run',
    );
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    delete process.env.ALSA_CONFIG_PATH;
    await Promise.all([telegram?.close(), gotify?.close(), ntfy?.close(), stt.close?.()]);
    devices?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
    spawnSync('docker', ['rm', '-f', container], { env: { ...process.env, DOCKER_HOST: testDockerHost() } });
  });

  it.skipIf(skipReason !== null)(
    'is announced once everywhere; Approve on Telegram restarts it once; the recovery follows',
    async () => {
      docker(['exec', container, 'rm', '/tmp/ok']);
      await waitFor(
        async () => (about(telegramTexts(), `${container} is unhealthy`).length > 0 ? true : undefined),
        30_000,
        'the Telegram notice',
      );
      await waitFor(
        async () => ((await saidAbout('unhealthy')).length > 0 ? true : undefined),
        30_000,
        'the spoken notice',
      );
      // Several more check runs and ticks: nothing more may be said about it.
      await new Promise((resolve) => setTimeout(resolve, 6000));

      const notices = about(telegramTexts(), `${container} is unhealthy`);
      expect(notices).toEqual([expect.stringContaining(`Warning: ${container} is unhealthy.`)]);
      expect(
        about(
          gotify.messages().map((message) => message.message),
          `${container} is unhealthy`,
        ),
      ).toHaveLength(1);
      expect(
        about(
          ntfy.messages().map((message) => message.message),
          `${container} is unhealthy`,
        ),
      ).toHaveLength(1);
      expect(ntfy.messages()[0]?.topic).toBe(topic);
      // The alert chime, the notice, the exact phrase that approves it; said once.
      expect(await saidAbout('unhealthy')).toEqual([
        {
          earcons: ['alert', 'done'],
          text: 'warning backup vault is unhealthy to approve say yes restart backup vault',
        },
      ]);

      // The offer: Approve/Deny under the Telegram notice; pressed twice, the restart runs once.
      const offer = telegram.callsTo('sendMessage').find((call) => shownText(call.params).includes('is unhealthy'));
      const [approve] = buttonData(offer);
      expect(approve).toMatch(/^ap:[a-z0-9]+:y$/);
      const before = startedAt();
      const since = Math.floor(Date.now() / 1000) - 1;
      for (let press = 0; press < 2; press++)
        telegram.enqueueUpdate(
          callbackUpdate(chat, approve!, { messageId: 1, chatId: chat, text: shownText(offer!.params) }),
        );
      await waitFor(async () => (startedAt() !== before ? true : undefined), 30_000, `${container} to restart`);
      await telegram.waitFor((calls) => calls.some((call) => call.method === 'editMessageText'), 15_000);
      expect(shownText(telegram.callsTo('editMessageText').at(-1)?.params ?? {})).toMatch(/restart/i);

      // Healthy again after the restart: one recovery notice on every channel.
      await waitFor(
        async () => (about(telegramTexts(), `Resolved: ${container} is healthy again`).length > 0 ? true : undefined),
        30_000,
        'the recovery notice',
      );
      await waitFor(
        async () => ((await saidAbout('healthy again')).length > 0 ? true : undefined),
        30_000,
        'the spoken recovery',
      );
      await new Promise((resolve) => setTimeout(resolve, 4000));
      const restarts = docker([
        'events',
        '--since',
        String(since),
        '--until',
        String(Math.floor(Date.now() / 1000)),
        '--filter',
        `container=${container}`,
        '--filter',
        'event=restart',
        '--format',
        '{{.Action}}',
      ]);
      expect(restarts.split('\n').filter(Boolean)).toEqual(['restart']);
      expect(about(telegramTexts(), 'healthy again')).toHaveLength(1);
      expect(
        about(
          gotify.messages().map((message) => message.message),
          'healthy again',
        ),
      ).toHaveLength(1);
      expect(
        about(
          ntfy.messages().map((message) => message.message),
          'healthy again',
        ),
      ).toHaveLength(1);
      expect(await saidAbout('healthy again')).toEqual([
        { earcons: ['alert', 'done'], text: 'resolved backup vault is healthy again' },
      ]);
    },
    150_000,
  );
});
