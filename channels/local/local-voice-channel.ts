/**
 * The local mic channel: idle -> (wake word) listening -> (end of speech) thinking -> speaking ->
 * follow-up window (listening without the wake word) -> idle. One frame loop reads the mic the whole
 * time, so the wake word or a spoken "stop" can cut playback while a reply is being spoken.
 */
import { randomUUID } from 'node:crypto';
import type { Notice, NoticeDelivery } from '../../src/core/channel.js';
import { describeError } from '../../src/errors.js';
import { silentLogger, type Logger } from '../../src/log.js';
import type { Vocabulary } from '../../src/router/types.js';
import type { ApprovalView } from '../../src/types.js';
import { earcon, type EarconName } from '../../voice/earcons/earcons.js';
import type { Pcm16 } from '../../voice/stt/stt.js';
import type { EndpointEvent, Endpointer } from '../../voice/vad/endpointer.js';
import type { WakeDetection } from '../../voice/wake/wake.js';
import { createBargeInListener } from './barge-in.js';
import {
  defaultSettings,
  type LocalChannelEvent,
  type LocalChannelSettings,
  type LocalVoiceChannelOptions,
} from './ports.js';
import { speakTurn } from './speak-turn.js';
import { createUtteranceKeeper } from './utterance-keeper.js';
import { NoticeQueue } from './notice-queue.js';
import { speakNotice } from './speak-notice.js';

interface ActiveTurn {
  id: string;
  abort: AbortController;
  barge: { push(frame: Int16Array): Promise<void> };
  done?: Promise<void>;
}

export type ChannelState =
  | { status: 'idle' }
  | { status: 'listening'; endpointer: Endpointer; followUp: boolean; expectPhrases?: string[] }
  | { status: 'thinking' | 'speaking'; turn: ActiveTurn };

export interface LocalVoiceChannel {
  readonly state: ChannelState['status'];
  /** Reads the source to its end (or until aborted), then waits for the reply in progress. */
  run(options?: { signal?: AbortSignal; onEvent?: (event: LocalChannelEvent) => void }): Promise<void>;
  /**
   * Speaks a notice after the alert chime, at once when nothing is going on (resolves when spoken);
   * during a turn, its reply or its follow-up window it is queued and spoken afterwards, in order.
   */
  announce(notice: Notice): Promise<NoticeDelivery>;
}

interface TurnMarks {
  wakeToSpeech: number;
  speech: number;
  endOfSpeech: number;
  /** Set in the window after an approval request: the STT listens for the confirmation phrase. */
  expectPhrases?: string[];
}

const noNames: Vocabulary = {};
/** An approval needs time to read and answer; the follow-up window after one is at least this long. */
const approvalWindowSeconds = 10;

export function createLocalVoiceChannel(options: LocalVoiceChannelOptions): LocalVoiceChannel {
  return new MicChannel(options);
}

class MicChannel implements LocalVoiceChannel {
  private current: ChannelState = { status: 'idle' };
  private readonly settings: LocalChannelSettings;
  private readonly log: Logger;
  private readonly clock: () => number;
  private readonly keepUtterance: (pcm: Pcm16) => void;
  private emit: (event: LocalChannelEvent) => void = () => {};
  /** Audio time from the wake word to the start of speech, for the turn being heard. */
  private wakeToSpeechMs = 0;
  private readonly notices = new NoticeQueue();

  constructor(private readonly options: LocalVoiceChannelOptions) {
    this.settings = { ...defaultSettings, ...options.settings };
    this.log = (options.log ?? silentLogger).child('local');
    this.clock = options.clock ?? (() => performance.now());
    this.keepUtterance = createUtteranceKeeper(this.settings.keepUtterances);
  }

  get state(): ChannelState['status'] {
    return this.current.status;
  }

  async run(run: { signal?: AbortSignal; onEvent?: (event: LocalChannelEvent) => void } = {}): Promise<void> {
    if (run.onEvent) this.emit = run.onEvent;
    for await (const frame of this.options.source) {
      if (run.signal?.aborted) break;
      await this.onFrame(frame);
    }
    await this.drain();
  }

  announce(notice: Notice): Promise<NoticeDelivery> {
    if (this.current.status === 'idle' && this.notices.size === 0) return this.startNotice(notice);
    const replaced = this.notices.add(notice);
    const detail = replaced ? 'replaced a waiting notice with the same key' : 'waits until the conversation ends';
    return Promise.resolve({ status: 'queued', detail });
  }

  /** The single state setter: the wake word's mode follows the state; back to idle, a waiting notice is spoken. */
  private setState(next: ChannelState): void {
    this.current = next;
    const busy = next.status === 'thinking' || next.status === 'speaking';
    this.options.wake.setMode(busy ? (this.settings.whileSpeaking === 'mute' ? 'muted' : 'speaking') : 'normal');
    if (next.status === 'idle' && this.notices.size > 0) queueMicrotask(() => this.speakWaitingNotice());
  }

  private speakWaitingNotice(): void {
    if (this.current.status !== 'idle') return;
    const notice = this.notices.take();
    if (notice) void this.startNotice(notice);
  }

  /** A notice is spoken like a reply: same sink, and the wake word or "stop" cut it short. */
  private startNotice(notice: Notice): Promise<NoticeDelivery> {
    const abort = new AbortController();
    const turn: ActiveTurn = { id: randomUUID(), abort, barge: this.listenForStop(abort.signal) };
    this.setState({ status: 'speaking', turn });
    const delivery = this.runNotice(turn, notice);
    turn.done = delivery.then(() => undefined);
    return delivery;
  }

  private async runNotice(turn: ActiveTurn, notice: Notice): Promise<NoticeDelivery> {
    try {
      const spoken = await speakNotice(notice, {
        tts: this.options.tts,
        sink: this.options.sink,
        signal: turn.abort.signal,
        clock: this.clock,
        earcons: this.settings.earcons,
        thinkingAfterMs: this.settings.thinkingAfterMs,
        approvalsByVoice: this.settings.approvalsByVoice,
      });
      this.emit({ type: 'notice-spoken', key: notice.key, cutShort: spoken.aborted });
      this.log.info('notice spoken', { key: notice.key, cutShort: spoken.aborted });
      if (spoken.aborted) return { status: 'delivered', detail: 'spoken, cut short by the wake word or "stop"' };
      this.afterSpeaking(spoken.approval, 0);
      return { status: 'delivered', detail: 'spoken' };
    } catch (error) {
      this.log.warn('notice could not be spoken', { key: notice.key, error: describeError(error) });
      if (this.current.status === 'speaking' && this.current.turn === turn) this.setState({ status: 'idle' });
      return { status: 'failed', detail: describeError(error) };
    }
  }

  /** After speech: the follow-up window (longer, listening for the phrase, after an approval request), or idle. */
  private afterSpeaking(approval: ApprovalView | undefined, followUpSeconds: number): void {
    const confirmByVoice = approval && this.settings.approvalsByVoice ? [approval.confirmPhrase] : undefined;
    const window = confirmByVoice ? Math.max(approvalWindowSeconds, followUpSeconds) : followUpSeconds;
    if (window > 0) this.listen(true, window, confirmByVoice);
    else this.setState({ status: 'idle' });
  }

  private listenForStop(signal: AbortSignal): ActiveTurn['barge'] {
    return createBargeInListener({
      endpointer: this.options.createEndpointer({ purpose: 'barge-in', noSpeechTimeoutMs: 60_000 }),
      stt: this.options.stt,
      minSpeechMs: this.settings.bargeInMinSpeechMs,
      signal,
      log: this.log,
      clock: this.clock,
      onStop: (at) => this.bargeIn('stop-word', at),
    });
  }

  private async onFrame(frame: Int16Array): Promise<void> {
    const detection = (await this.options.wake.process(frame))[0];
    const state = this.current;
    if (state.status === 'idle') {
      if (detection) this.wakeUp(detection);
    } else if (state.status === 'listening') {
      if (detection && state.followUp) return this.wakeUp(detection);
      for (const event of await state.endpointer.push(frame)) await this.onEndpoint(event, state);
    } else {
      if (detection) return this.bargeIn('wake-word', this.clock());
      await state.turn.barge.push(frame);
    }
  }

  private wakeUp(detection: WakeDetection): void {
    this.emit({ type: 'wake-detected', name: detection.name, score: detection.score });
    this.log.info('wake word', { name: detection.name, score: Number(detection.score.toFixed(3)) });
    this.listen(false);
  }

  private listen(followUp: boolean, windowSeconds = this.settings.followUpSeconds, expectPhrases?: string[]): void {
    const endpointer = this.options.createEndpointer(
      followUp ? { purpose: 'follow-up', noSpeechTimeoutMs: windowSeconds * 1000 } : { purpose: 'command' },
    );
    endpointer.start();
    this.setState({ status: 'listening', endpointer, followUp, expectPhrases });
    if (!followUp) this.playEarcon('listening');
  }

  private async onEndpoint(
    event: EndpointEvent,
    listening: { followUp: boolean; expectPhrases?: string[] },
  ): Promise<void> {
    if (event.type === 'speech-start') {
      this.wakeToSpeechMs = event.atMs;
    } else if (event.type === 'no-speech') {
      this.setState({ status: 'idle' });
      if (!listening.followUp) {
        this.emit({ type: 'nothing-heard', reason: 'no-speech' });
        this.playEarcon('thinking');
      }
    } else {
      await this.startTurn(event.pcm, {
        wakeToSpeech: this.wakeToSpeechMs,
        speech: event.speechMs,
        endOfSpeech: this.clock(),
        expectPhrases: listening.expectPhrases,
      });
    }
  }

  private async startTurn(pcm: Pcm16, marks: TurnMarks): Promise<void> {
    const abort = new AbortController();
    const turn: ActiveTurn = { id: randomUUID(), abort, barge: this.listenForStop(abort.signal) };
    this.setState({ status: 'thinking', turn });
    turn.done = this.runTurn(turn, pcm, marks).catch((error: unknown) => {
      this.log.error('voice turn failed', { error: describeError(error) });
      this.emit({ type: 'error', message: describeError(error) });
      if (this.current.status !== 'listening') this.setState({ status: 'idle' });
    });
    if (this.options.waitForReplies) await turn.done;
  }

  private async runTurn(turn: ActiveTurn, pcm: Pcm16, marks: TurnMarks): Promise<void> {
    const record = (stage: string, ms: number) =>
      this.options.timings?.record({ turnId: turn.id, channel: 'voice', stage, ms: Math.round(ms) });
    this.keepUtterance(pcm);
    const vocabulary = await this.options.vocabulary().catch(() => noNames);
    const pendingConfirmations = await (this.options.pendingConfirmations?.() ?? Promise.resolve([])).catch(
      () => [] as string[],
    );
    const sttStarted = this.clock();
    const transcript = await this.options.stt.transcribe(pcm, {
      signal: turn.abort.signal,
      hints: { vocabulary, expectPhrases: marks.expectPhrases, pendingConfirmations },
    });
    record('wake-to-speech', marks.wakeToSpeech);
    record('speech', marks.speech);
    record('stt', this.clock() - sttStarted);
    if (turn.abort.signal.aborted) return;
    if (!transcript.text.trim()) {
      this.emit({ type: 'nothing-heard', reason: 'empty-transcript' });
      this.setState({ status: 'idle' });
      this.playEarcon('thinking');
      return;
    }
    this.emit({ type: 'heard', text: transcript.text });
    this.log.info('heard', { engine: transcript.engine, text: transcript.text });
    const coreStarted = this.clock();
    const spoken = await speakTurn({
      events: this.options.core.handle({
        channel: 'voice',
        person: { channel: 'voice', externalId: 'room' },
        conversation: 'mic',
        text: transcript.text,
        modality: 'voice',
        signal: turn.abort.signal,
      }),
      tts: this.options.tts,
      sink: this.options.sink,
      signal: turn.abort.signal,
      clock: this.clock,
      earcons: this.settings.earcons,
      thinkingAfterMs: this.settings.thinkingAfterMs,
      approvalsByVoice: this.settings.approvalsByVoice,
      onFirstAudio: (at) => {
        record('first-audio', at - marks.endOfSpeech);
        if (this.current.status === 'thinking' && this.current.turn === turn)
          this.setState({ status: 'speaking', turn });
      },
    });
    record('core', spoken.coreDoneAt - coreStarted);
    if (spoken.aborted) return;
    this.emit({ type: 'answered', text: spoken.text, source: spoken.source });
    this.afterSpeaking(spoken.approval, this.settings.followUpSeconds);
  }

  private bargeIn(by: 'wake-word' | 'stop-word', detectedAt: number): void {
    const state = this.current;
    if (state.status !== 'thinking' && state.status !== 'speaking') return;
    state.turn.abort.abort();
    this.options.sink.stop();
    const stoppedWithinMs = this.clock() - detectedAt;
    this.emit({ type: 'barge-in', by, stoppedWithinMs });
    this.log.info('barge-in: playback stopped', { by, stoppedWithinMs: Math.round(stoppedWithinMs) });
    this.listen(false);
  }

  private playEarcon(name: EarconName): void {
    if (!this.settings.earcons) return;
    this.options.sink
      .play(earcon(name))
      .catch((error: unknown) => this.log.warn('earcon failed', { name, error: describeError(error) }));
  }

  /** At the end of the source: close an open utterance with silence, then wait for the reply and the notices after it. */
  private async drain(): Promise<void> {
    const silence = new Int16Array(1280);
    for (;;) {
      for (let frame = 0; frame < 40 && this.current.status === 'listening'; frame++) {
        const state = this.current;
        for (const event of await state.endpointer.push(silence)) await this.onEndpoint(event, state);
      }
      await new Promise((resolve) => setImmediate(resolve)); // a waiting notice starts now
      const state = this.current;
      if (state.status !== 'thinking' && state.status !== 'speaking') break;
      await state.turn.done;
    }
    if (this.current.status === 'listening') this.setState({ status: 'idle' });
  }
}
