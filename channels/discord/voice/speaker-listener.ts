/**
 * One allowed speaker in the call. Each receive stream (from their first packet to the end-of-speech
 * silence) is decoded to 16 kHz mono and run through the speaker's own wake-word detector. What follows
 * the wake word is their request; the wake word alone opens a short window in which their next utterance
 * is the request. Without a required wake word every utterance is a request. While sysvox speaks, the
 * wake word or a short utterance (checked for "stop") is a barge-in.
 */
import { joinSamples } from '../../../voice/audio/join-samples.js';
import type { Pcm16 } from '../../../voice/stt/stt.js';
import type { WakeWordDetector } from '../../../voice/wake/wake.js';
import type { Logger } from '../../../src/log.js';
import type { VoiceSpeaker } from '../voice-port.js';
import { engineRate, SpeakerDecoder } from './discord-audio.js';
import type { DiscordVoiceSettings } from './voice-options.js';

/** Silence fed to the wake detector before each stream: the gap since the speaker's last words. */
const gapFrames = 5;
/** When no wake word was needed, one said within this much of the start is cut from the request. */
const wakeTrimSamples = 2.5 * engineRate;

export interface SpeakerListenerDeps {
  speaker: VoiceSpeaker;
  wake: WakeWordDetector;
  settings: DiscordVoiceSettings;
  clock: () => number;
  log: Logger;
  sysvoxSpeaking(): boolean;
  /** The wake word was heard while sysvox spoke. */
  onWakeBargeIn(speaker: VoiceSpeaker): void;
  /** Audio that is a request (after the wake word, in the window after it, or with no wake word required). */
  onRequest(speaker: VoiceSpeaker, pcm: Pcm16): void;
  /** A short utterance that is not a request (no wake word) while sysvox spoke: it may be "stop". */
  onMaybeStop(speaker: VoiceSpeaker, pcm: Pcm16): void;
}

export class SpeakerListener {
  private readonly decoder = new SpeakerDecoder();
  private armedUntil = Number.NEGATIVE_INFINITY;
  private undecodable = 0;

  constructor(private readonly deps: SpeakerListenerDeps) {}

  /** Reads one receive stream to its end. */
  async hear(packets: AsyncIterable<Buffer>): Promise<void> {
    const { settings } = this.deps;
    const maxSamples = settings.maxUtteranceSeconds * engineRate;
    const wake = new WakeScan(this.deps.wake);
    await wake.gap();
    const speakingAtStart = this.deps.sysvoxSpeaking();
    const armed = this.deps.clock() < this.armedUntil || !settings.requireWakeWord;
    let commandStart = armed ? 0 : -1;
    let wakeHeard = false;
    const parts: Int16Array[] = [];
    let total = 0;
    for await (const packet of packets) {
      const pcm = this.decodeOrSkip(packet);
      if (!pcm || total >= maxSamples) continue;
      parts.push(pcm);
      total += pcm.length;
      if (wakeHeard || !(await wake.scan(pcm))) continue;
      wakeHeard = true;
      // Armed (or no wake word required), a wake word at the start is trimmed; later it is part of the request.
      if (!armed || total <= wakeTrimSamples) commandStart = total;
      if (this.deps.sysvoxSpeaking()) this.deps.onWakeBargeIn(this.deps.speaker);
    }
    this.finish({ audio: joinSamples(...parts), commandStart, wakeHeard, speakingAtStart });
  }

  /** The speaker's next utterance within this window needs no wake word (the answer to an approval request). */
  arm(milliseconds: number): void {
    this.armedUntil = Math.max(this.armedUntil, this.deps.clock() + milliseconds);
  }

  close(): void {
    this.decoder.close();
  }

  private finish(heard: {
    audio: Int16Array;
    commandStart: number;
    wakeHeard: boolean;
    speakingAtStart: boolean;
  }): void {
    const { settings, speaker } = this.deps;
    const minSamples = (settings.minSpeechMs * engineRate) / 1000;
    if (heard.commandStart >= 0) {
      const command = heard.audio.subarray(heard.commandStart);
      if (command.length >= minSamples) {
        // A request said while sysvox speaks may be "stop": onRequest checks its transcript for that too.
        this.armedUntil = Number.NEGATIVE_INFINITY;
        return this.deps.onRequest(speaker, pcm16(command));
      }
      if (heard.wakeHeard) this.armedUntil = this.deps.clock() + settings.followUpSeconds * 1000;
      return;
    }
    const short = heard.audio.length <= (settings.stopPhraseMaxMs * engineRate) / 1000;
    if (heard.speakingAtStart && short && heard.audio.length >= minSamples)
      this.deps.onMaybeStop(speaker, pcm16(heard.audio));
  }

  private decodeOrSkip(packet: Buffer): Int16Array | undefined {
    try {
      return this.decoder.decode(packet);
    } catch {
      this.undecodable += 1;
      if (this.undecodable === 1 || this.undecodable % 500 === 0)
        this.deps.log.warn('dropped Opus packets that do not decode', { count: this.undecodable });
      return undefined;
    }
  }
}

/** Feeds a detector whole frames and reports whether it fired. */
class WakeScan {
  private carry = new Int16Array(0);

  constructor(private readonly wake: WakeWordDetector) {}

  async gap(): Promise<void> {
    const silence = new Int16Array(this.wake.frameSamples);
    for (let frame = 0; frame < gapFrames; frame++) await this.wake.process(silence);
  }

  async scan(pcm: Int16Array): Promise<boolean> {
    const samples = joinSamples(this.carry, pcm);
    const size = this.wake.frameSamples;
    let offset = 0;
    let fired = false;
    for (; offset + size <= samples.length; offset += size) {
      const detections = await this.wake.process(samples.slice(offset, offset + size));
      if (detections.length > 0) fired = true;
    }
    this.carry = samples.slice(offset);
    return fired;
  }
}

function pcm16(samples: Int16Array): Pcm16 {
  return { sampleRate: 16000, samples: samples.slice() };
}
