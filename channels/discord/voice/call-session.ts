/**
 * sysvox in one voice channel: the receive side (a stream per allowed speaker, strangers never
 * subscribed, so their audio is never decrypted past the RTP header nor decoded), the answer queue and
 * the player. It outlives a connection: after a rejoin the new connection is attached to the same
 * session, so speakers keep their wake detectors and the queue keeps its order.
 */
import { EndBehaviorType, type VoiceConnection } from '@discordjs/voice';
import { describeError } from '../../../src/errors.js';
import type { Logger } from '../../../src/log.js';
import type { Pcm16 } from '../../../voice/stt/stt.js';
import { AsyncQueue } from '../../local/async-queue.js';
import { isStopPhrase } from '../../local/barge-in.js';
import type { VoiceJoinRequest, VoiceSpeaker } from '../voice-port.js';
import { AnswerQueue } from './answer-queue.js';
import type { CallPlayer } from './call-player.js';
import { SpeakerListener } from './speaker-listener.js';
import type { DiscordVoiceEvent } from './voice-events.js';
import type { DiscordVoiceOptions, DiscordVoiceSettings } from './voice-options.js';
import { answerRequest } from './voice-turn.js';

export interface CallSessionDeps {
  options: DiscordVoiceOptions;
  settings: DiscordVoiceSettings;
  player: CallPlayer;
  log: Logger;
  clock: () => number;
  emit(event: DiscordVoiceEvent): void;
}

export class CallSession {
  private readonly queue: AnswerQueue;
  private readonly listeners = new Map<string, Promise<SpeakerListener | undefined>>();
  /** Per speaker, the utterances being read, one after the other (they share the speaker's decoder and detector). */
  private readonly speakerTurns = new Map<string, Promise<void>>();
  /** Utterances received and not yet read to their end. */
  private unread = 0;
  /** After an approval request, the phrase that speaker is expected to say next. */
  private readonly expected = new Map<string, string[]>();
  private detachReceiver: (() => void) | undefined;
  private lastHeardAt: number;
  /** Why speakers cannot be heard, when the wake-word detector could not be made (health() says so). */
  private wakeProblem: string | undefined;

  constructor(
    readonly request: VoiceJoinRequest,
    private readonly deps: CallSessionDeps,
  ) {
    this.queue = new AnswerQueue(deps.log);
    this.lastHeardAt = deps.clock();
  }

  /** Binds a (new) connection: its receiver feeds this session, the player speaks into it. */
  attach(connection: VoiceConnection): void {
    this.detachReceiver?.();
    connection.subscribe(this.deps.player.player);
    const onStart = (userId: string) => this.onSpeakingStart(connection, userId);
    connection.receiver.speaking.on('start', onStart);
    this.detachReceiver = () => connection.receiver.speaking.off('start', onStart);
  }

  /** Nobody spoke for a while, sysvox is not speaking and nothing waits to be answered. */
  quiet(): boolean {
    const silentFor = this.deps.clock() - this.lastHeardAt;
    return (
      this.unread === 0 &&
      !this.queue.busy() &&
      !this.deps.player.speaking() &&
      silentFor >= this.deps.settings.quietAfterSeconds * 1000
    );
  }

  /** What keeps the call from working though connected, or undefined. */
  trouble(): string | undefined {
    return this.wakeProblem;
  }

  /** A notice spoken in turn, after the answers already waiting. */
  speak(text: string): Promise<void> {
    return this.queue.add('notice', async (signal) => {
      await this.deps.player.say(text, signal);
    });
  }

  async close(): Promise<void> {
    this.detachReceiver?.();
    this.deps.player.stop();
    await this.queue.close();
    // The connection is gone, so its streams ended: the utterances being read finish before their decoders close.
    await Promise.allSettled(this.speakerTurns.values());
    for (const listener of this.listeners.values()) (await listener)?.close();
    this.listeners.clear();
  }

  /** Must subscribe synchronously: the packet that raised 'start' is pushed right after this returns. */
  private onSpeakingStart(connection: VoiceConnection, userId: string): void {
    // A pause shorter than the end-of-speech silence raises 'start' again on the same stream.
    if (connection.receiver.subscriptions.has(userId)) return;
    const speaker = this.deps.options.hooks.speaker(userId, this.request.guildId);
    if (!speaker) {
      this.deps.emit({ type: 'ignored', userId });
      return;
    }
    this.lastHeardAt = this.deps.clock();
    const stream = connection.receiver.subscribe(userId, {
      end: { behavior: EndBehaviorType.AfterSilence, duration: this.deps.settings.endOfSpeechMs },
    });
    // The stream is destroyed right after it ends, dropping what it buffered: packets are taken at once,
    // so a listener still loading its wake model (or a busy CPU) loses nothing.
    const packets = new AsyncQueue<Buffer>();
    stream.on('data', (packet: Buffer) => packets.push(packet));
    stream.once('close', () => packets.end());
    stream.once('error', (error) => {
      this.deps.log.warn('a speaker stream failed', { userId, error: describeError(error) });
      packets.end();
    });
    // A new utterance may start while the last one is still being read (a busy CPU): it waits its turn.
    this.unread += 1;
    const previous = this.speakerTurns.get(userId) ?? Promise.resolve();
    const reading = previous
      .then(() => this.listen(speaker, packets))
      .finally(() => {
        this.unread -= 1;
        this.lastHeardAt = this.deps.clock();
      });
    this.speakerTurns.set(userId, reading);
  }

  private async listen(speaker: VoiceSpeaker, packets: AsyncIterable<Buffer>): Promise<void> {
    try {
      const listener = await this.listenerFor(speaker);
      if (listener) await listener.hear(packets);
    } catch (error) {
      this.deps.log.warn('a speaker stream failed', { userId: speaker.userId, error: describeError(error) });
    }
  }

  private listenerFor(speaker: VoiceSpeaker): Promise<SpeakerListener | undefined> {
    let listener = this.listeners.get(speaker.userId);
    if (!listener) {
      listener = this.deps.options.createWake().then(
        (wake) => {
          this.wakeProblem = undefined;
          return new SpeakerListener({
            speaker,
            wake,
            settings: this.deps.settings,
            clock: this.deps.clock,
            log: this.deps.log,
            sysvoxSpeaking: () => this.deps.player.speaking(),
            onWakeBargeIn: (who) => this.bargeIn(who, 'wake-word'),
            onRequest: (who, pcm) => this.onRequest(who, pcm),
            onMaybeStop: (who, pcm) => void this.checkStop(who, pcm),
          });
        },
        (error: unknown) => {
          this.deps.log.error('no wake-word detector for a speaker: they cannot be heard', {
            userId: speaker.userId,
            error: describeError(error),
          });
          this.listeners.delete(speaker.userId);
          this.wakeProblem = `speakers cannot be heard: the wake-word detector did not load (${describeError(error)})`;
          return undefined;
        },
      );
      this.listeners.set(speaker.userId, listener);
    }
    return listener;
  }

  private bargeIn(speaker: VoiceSpeaker, by: 'wake-word' | 'stop-word'): void {
    if (!this.deps.player.speaking()) return;
    this.queue.cutCurrent();
    this.deps.player.stop();
    this.deps.log.info('barge-in: stopped speaking', { userId: speaker.userId, by });
    this.deps.emit({ type: 'barge-in', userId: speaker.userId, by });
  }

  private async transcribe(speaker: VoiceSpeaker, pcm: Pcm16, withHints: boolean): Promise<string> {
    const { options } = this.deps;
    try {
      const hints = withHints
        ? {
            vocabulary: await options.vocabulary?.().catch(() => ({})),
            pendingConfirmations: await options.pendingConfirmations?.().catch(() => []),
            expectPhrases: this.expected.get(speaker.userId),
          }
        : undefined;
      return (await options.stt.transcribe(pcm, { hints })).text.trim();
    } catch (error) {
      this.deps.log.warn('speech to text failed for a speaker', {
        userId: speaker.userId,
        error: describeError(error),
      });
      return '';
    }
  }

  private async checkStop(speaker: VoiceSpeaker, pcm: Pcm16): Promise<void> {
    const text = await this.transcribe(speaker, pcm, false);
    if (isStopPhrase(text)) this.bargeIn(speaker, 'stop-word');
  }

  /** The transcript starts now; the answer takes its place in the queue now, so answers come in the order asked. */
  private onRequest(speaker: VoiceSpeaker, pcm: Pcm16): void {
    const transcript = this.transcribe(speaker, pcm, true);
    void transcript.then((text) => {
      if (isStopPhrase(text)) this.bargeIn(speaker, 'stop-word');
    });
    void this.queue.add(`request from ${speaker.userId}`, async (signal) => {
      const text = await transcript;
      if (!text || isStopPhrase(text)) {
        this.deps.emit({ type: 'nothing-heard', userId: speaker.userId });
        return;
      }
      this.deps.emit({ type: 'heard', userId: speaker.userId, text });
      this.deps.log.info('heard in the call', { userId: speaker.userId, text });
      const { options, settings, player, log } = this.deps;
      const answer = await answerRequest(
        { speaker, channelId: this.request.channelId, textChannelId: this.request.textChannelId, text },
        { core: options.core, player, hooks: options.hooks, log, approvalsByVoice: settings.approvalsByVoice },
        signal,
      );
      if (answer.approval && settings.approvalsByVoice) {
        // As at the microphone: the confirmation phrase may follow without the wake word, for a while.
        this.expected.set(speaker.userId, [answer.approval.confirmPhrase]);
        (await this.listeners.get(speaker.userId))?.arm(settings.approvalWindowSeconds * 1000);
      } else this.expected.delete(speaker.userId);
      this.deps.emit({ type: 'answered', userId: speaker.userId, text: answer.text, cutShort: answer.cutShort });
    });
  }
}
