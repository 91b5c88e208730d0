/**
 * Runs one core turn for a Telegram chat: shows "typing" (or "recording a voice message") every few
 * seconds while the core works, offers approval requests as buttons, sends the final text and, when
 * asked for, the same answer as a voice note.
 */
import type { Core } from '../../src/core/turn.js';
import type { TurnEvent } from '../../src/types.js';
import type { Logger } from '../../src/log.js';
import type { TextToSpeech } from '../../voice/tts/tts.js';
import type { ApprovalButtons } from './approval-buttons.js';
import type { AudioConverter } from './ogg-opus.js';
import type { TelegramApi } from './telegram-api.js';

export interface TelegramTurn {
  chatId: number;
  userId: number;
  displayName?: string;
  text: string;
  modality: 'text' | 'voice';
  voiceReply: boolean;
}

export interface TurnRunner {
  run(turn: TelegramTurn): Promise<void>;
}

export interface TurnRunnerOptions {
  core: Core;
  api: TelegramApi;
  approvals: ApprovalButtons;
  tts: TextToSpeech;
  converter: AudioConverter;
  log: Logger;
  chatActionIntervalMs?: number;
  /** Longest answer spoken as a voice note; the text reply always carries all of it. */
  maxSpokenCharacters?: number;
  /** Aborted when the channel stops: a turn still waiting on the model is cut off, not waited for. */
  stopping?: () => AbortSignal;
}

export function createTurnRunner(options: TurnRunnerOptions): TurnRunner {
  const { core, api, approvals, log } = options;
  return {
    async run(turn) {
      const stopAction = keepChatAction(
        api,
        turn.chatId,
        turn.voiceReply ? 'record_voice' : 'typing',
        options.chatActionIntervalMs ?? 4000,
        log,
      );
      let finalText = '';
      try {
        finalText = await consumeTurn(turn);
      } finally {
        stopAction();
      }
      if (finalText === '') return;
      await api.sendText(turn.chatId, finalText);
      if (turn.voiceReply) await speak(turn.chatId, finalText);
    },
  };

  async function consumeTurn(turn: TelegramTurn): Promise<string> {
    const events = core.handle({
      channel: 'telegram',
      person: { channel: 'telegram', externalId: String(turn.userId), displayName: turn.displayName },
      conversation: String(turn.chatId),
      text: turn.text,
      modality: turn.modality,
      signal: options.stopping?.(),
    });
    let offeredApproval = false;
    for await (const event of events as AsyncIterable<TurnEvent>) {
      if (event.type === 'approval-request') {
        await approvals.offer(turn.chatId, event.approval);
        offeredApproval = true;
      }
      // The approval message already says what is waiting; a second "needs approval" text adds nothing.
      if (event.type === 'done') return offeredApproval && event.source === 'approval' ? '' : event.text.trim();
    }
    return '';
  }

  async function speak(chatId: number, text: string): Promise<void> {
    try {
      const chunks: Buffer[] = [];
      let sampleRate = 16000;
      for await (const chunk of options.tts.synthesize(text.slice(0, options.maxSpokenCharacters ?? 600))) {
        sampleRate = chunk.sampleRate;
        chunks.push(chunk.pcm);
      }
      if (chunks.length === 0) return;
      const ogg = await options.converter.encodeVoiceNote(Buffer.concat(chunks), sampleRate);
      await api.sendVoice(chatId, ogg);
    } catch (error) {
      log.warn('could not send the voice reply; the text reply went out', { error });
    }
  }
}

/** Sends a chat action now and every intervalMs until the returned function is called. */
export function keepChatAction(
  api: TelegramApi,
  chatId: number,
  action: 'typing' | 'record_voice',
  intervalMs: number,
  log: Logger,
): () => void {
  const send = () => {
    api.chatAction(chatId, action).catch((error: unknown) => log.debug('chat action failed', { error }));
  };
  send();
  const timer = setInterval(send, intervalMs);
  return () => clearInterval(timer);
}
