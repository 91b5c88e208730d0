/**
 * sysvox for the Discord voice tests, built with the real wiring (createApp: SQLite, the router, policy)
 * and the engines the microphone uses (pocketsphinx, espeak-ng), one openWakeWord detector per speaker,
 * and the Discord voice side over the test gateway.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDiscordVoice } from '../../channels/discord/voice/discord-voice.js';
import type { DiscordVoiceEvent } from '../../channels/discord/voice/voice-events.js';
import type { DiscordVoiceSettings } from '../../channels/discord/voice/voice-options.js';
import type { DiscordVoice, VoiceSpeaker } from '../../channels/discord/voice-port.js';
import { resolveModel } from '../../models/resolve-model.js';
import { createApp, type App } from '../../src/app/main.js';
import { createOpenWakeWord } from '../../voice/wake/openwakeword.js';
import { createTestVoiceGateway, type TestVoiceGateway } from './test-call.js';

export interface VoiceCallApp {
  app: App;
  voice: DiscordVoice;
  /** Another voice side on the same app, engines and gateway (another guild, other settings); closed with it. */
  createVoice(settings?: Partial<DiscordVoiceSettings>): DiscordVoice;
  gateway: TestVoiceGateway;
  events: DiscordVoiceEvent[];
  posts: { channelId: string; text: string }[];
  /** How many times each user was asked about (strangers included). */
  speakerLookups: string[];
  close(): Promise<void>;
}

export async function createVoiceCallApp(options: {
  allowed: Record<string, string>;
  settings?: Partial<DiscordVoiceSettings>;
  listenersIn?: () => number;
  /** The Docker engine the app's tools talk to (the private test engine for approval tests). */
  dockerHost?: string;
}): Promise<VoiceCallApp> {
  const folder = mkdtempSync(join(tmpdir(), 'sysvox-discord-voice-'));
  const configPath = join(folder, 'sysvox.yaml');
  const yaml = ['ollama:', '  host: http://127.0.0.1:9', 'voice:', '  stt:', '    engines: [pocketsphinx]'];
  writeFileSync(configPath, [...yaml, '  tts:', '    engines: [espeak-ng]', ''].join('\n'));
  const env: NodeJS.ProcessEnv = { ...process.env, SYSVOX_DATA: join(folder, 'data'), SYSVOX_CONFIG: configPath };
  if (options.dockerHost) env.DOCKER_HOST = options.dockerHost;
  const app = await createApp({ logTo: 'stderr', logLevel: 'warn', env });
  const engines = await app.voice.engines();
  const gateway = createTestVoiceGateway();
  const events: DiscordVoiceEvent[] = [];
  const posts: { channelId: string; text: string }[] = [];
  const speakerLookups: string[] = [];
  const voices: DiscordVoice[] = [];
  const newVoice = (settings?: Partial<DiscordVoiceSettings>) => {
    const made = createDiscordVoice({
      adapterFor: (guildId) => gateway.adapterFor(guildId),
      listenersIn: options.listenersIn,
      core: app.core,
      stt: engines.stt,
      tts: engines.tts,
      createWake: () => createOpenWakeWord({ resolve: (name) => resolveModel(name, { dest: join(folder, 'models') }) }),
      hooks: {
        speaker(userId): VoiceSpeaker | null {
          speakerLookups.push(userId);
          const displayName = options.allowed[userId];
          return displayName ? { userId, displayName } : null;
        },
        post(channelId, text) {
          posts.push({ channelId, text });
          return Promise.resolve();
        },
      },
      vocabulary: () => app.router.vocabulary(),
      pendingConfirmations: () => Promise.resolve(app.runner.pending().map((approval) => approval.confirmPhrase)),
      settings,
      log: app.log,
      onEvent: (event) => events.push(event),
    });
    voices.push(made);
    return made;
  };
  return {
    app,
    voice: newVoice(options.settings),
    createVoice: newVoice,
    gateway,
    events,
    posts,
    speakerLookups,
    async close() {
      await Promise.all(voices.map((voice) => voice.stop()));
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Resolves once `count` events (from index `from` on) match, or rejects after timeoutMs with what was seen. */
export async function waitForEvents(
  events: DiscordVoiceEvent[],
  match: (event: DiscordVoiceEvent) => boolean,
  count = 1,
  timeoutMs = 60_000,
  from = 0,
): Promise<DiscordVoiceEvent[]> {
  const started = Date.now();
  for (;;) {
    const found = events.slice(from).filter(match);
    if (found.length >= count) return found;
    if (Date.now() - started > timeoutMs)
      throw new Error(`waited ${timeoutMs} ms for ${count} events; saw ${JSON.stringify(events)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
