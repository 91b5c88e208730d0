/**
 * The speaker alone as a notice channel (name 'voice'), for commands that send a notice without running
 * the microphone loop (`sysvox alerts test`, `sysvox alerts report --send`): the alert chime, then the
 * text through the TTS chain, to the playback device. Nothing is listened to, so there is nothing to
 * start; health() says so.
 */
import type { Channel, Notice, NoticeDelivery } from '../../src/core/channel.js';
import { describeError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import type { TextToSpeech } from '../../voice/tts/tts.js';
import type { AudioSink } from './ports.js';
import { speakNotice } from './speak-notice.js';

export interface SpeakerChannelOptions {
  tts: TextToSpeech;
  sink: AudioSink;
  /** Where it plays, for the delivery's detail ("spoken on default"). */
  device: string;
  earcons: boolean;
  approvalsByVoice: boolean;
  log: Logger;
}

export function createSpeakerChannel(options: SpeakerChannelOptions): Channel {
  const log = options.log.child('voice');
  return {
    name: 'voice',
    async start() {},
    async stop() {
      options.sink.stop();
    },
    health: () => ({ status: 'idle', detail: `speaks notices on ${options.device}; does not listen` }),
    async notify(notice: Notice): Promise<NoticeDelivery> {
      try {
        await speakNotice(notice, {
          tts: options.tts,
          sink: options.sink,
          signal: new AbortController().signal,
          clock: () => performance.now(),
          earcons: options.earcons,
          thinkingAfterMs: 1000,
          approvalsByVoice: options.approvalsByVoice,
        });
        return { status: 'delivered', detail: `spoken on ${options.device}` };
      } catch (error) {
        log.warn('notice could not be spoken', { key: notice.key, error: describeError(error) });
        return { status: 'failed', detail: describeError(error) };
      }
    },
  };
}
