/**
 * The microphone as a Channel (name 'voice'): start() runs the supervised mic loop in the background
 * (restarted with backoff when it ends or fails); notify() speaks a notice through the loop that is
 * listening, or queues it behind the conversation in progress. With no capture device the loop never
 * starts and health() says why; the rest of sysvox keeps running.
 */
import type { Channel, ChannelHealth, Notice, NoticeDelivery } from '../../src/core/channel.js';
import { describeError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import type { LocalVoiceChannel } from './local-voice-channel.js';
import { pause } from '../../src/pause.js';
import { superviseMicrophone, type SuperviseOptions } from './supervise-microphone.js';

/** The voice app's mic loop; onListening hands over the running loop, which notices go to. */
export interface MicrophoneLoop {
  runMicrophone(options: {
    signal?: AbortSignal;
    onListening?: (channel: LocalVoiceChannel) => void;
  }): Promise<{ started: boolean; reason: string }>;
}

export interface MicrophoneChannelOptions {
  loop: MicrophoneLoop;
  log: Logger;
  /** Restart delays of the mic loop (tests shorten them). */
  supervise?: Pick<SuperviseOptions, 'initialDelayMs' | 'maxDelayMs' | 'sleep'>;
}

const stopWaitMs = 5000;

export function createMicrophoneChannel(options: MicrophoneChannelOptions): Channel {
  let health: ChannelHealth = { status: 'idle', detail: 'not started' };
  let listening: LocalVoiceChannel | undefined;
  let stopping: AbortController | undefined;
  let supervising: Promise<void> | undefined;

  const start = (signal: AbortSignal) =>
    new Promise<void>((started) => {
      const controller = new AbortController();
      stopping = controller;
      signal.addEventListener('abort', () => controller.abort(), { once: true });
      health = { status: 'starting', detail: 'loading the voice engines and opening the microphone' };
      const runMicrophone = async (run: { signal?: AbortSignal }) => {
        try {
          const result = await options.loop.runMicrophone({
            signal: run.signal,
            onListening(channel) {
              listening = channel;
              health = { status: 'running', detail: 'listening for the wake word' };
              started();
            },
          });
          health = result.started
            ? { status: 'starting', detail: `mic loop ended (${result.reason}); starting it again` }
            : { status: 'failed', detail: result.reason };
          return result;
        } catch (error) {
          health = { status: 'starting', detail: `mic loop failed (${describeError(error)}); starting it again` };
          throw error;
        } finally {
          listening = undefined;
          started();
        }
      };
      supervising = superviseMicrophone(
        { runMicrophone },
        { signal: controller.signal, log: options.log.child('voice'), ...options.supervise },
      ).finally(() => {
        if (health.status !== 'failed') health = { status: 'stopped', detail: 'stopped' };
        started();
      });
    });

  return {
    name: 'voice',
    async start(signal) {
      if (supervising) return;
      await start(signal);
    },
    async stop() {
      stopping?.abort();
      // A reply still being made when the service stops is not waited for past a few seconds.
      const patience = new AbortController();
      await Promise.race([supervising, pause(stopWaitMs, patience.signal)]);
      patience.abort();
    },
    health: () => health,
    async notify(notice: Notice): Promise<NoticeDelivery> {
      if (!listening) return { status: 'skipped', detail: `the microphone loop is not running: ${health.detail}` };
      return listening.announce(notice);
    },
  };
}
