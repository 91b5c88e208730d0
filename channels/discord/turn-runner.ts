/**
 * Runs one core turn for Discord: keeps "typing..." up while the core works, offers approval requests
 * as buttons, sends the final text in messages of at most 2,000 characters, and, when sysvox sits in a
 * call on that server and speaks there (/voice on), says the answer into the call too.
 */
import type { Core } from '../../src/core/turn.js';
import type { Logger } from '../../src/log.js';
import type { TurnEvent } from '../../src/types.js';
import type { ApprovalButtons } from './approval-buttons.js';
import type { ReplyTarget } from './reply-target.js';
import { formatReply } from './reply-text.js';

export interface DiscordTurn {
  userId: string;
  displayName?: string;
  /** Undefined in a DM. */
  guildId: string | undefined;
  /** The text channel or DM: the conversation's history is kept per channel. */
  channelId: string;
  text: string;
  target: ReplyTarget;
  /** A line added under the answer (/status adds how voice is doing). */
  footer?: string;
}

export interface TurnRunner {
  run(turn: DiscordTurn): Promise<void>;
}

export interface TurnRunnerOptions {
  core: Core;
  approvals: ApprovalButtons;
  log: Logger;
  /** Speaks an answer into the call when sysvox is in one on this server and may speak there. */
  speak?: (guildId: string | undefined, text: string) => Promise<void>;
  typingIntervalMs?: number;
  /** Aborted when the channel stops: a turn still waiting on the model is cut off, not waited for. */
  stopping?: () => AbortSignal;
}

export function createTurnRunner(options: TurnRunnerOptions): TurnRunner {
  const { core, approvals, log } = options;

  const consume = async (turn: DiscordTurn): Promise<string> => {
    const events = core.handle({
      channel: 'discord',
      person: { channel: 'discord', externalId: turn.userId, displayName: turn.displayName },
      conversation: turn.channelId,
      text: turn.text,
      modality: 'text',
      signal: options.stopping?.(),
    });
    let offered = false;
    for await (const event of events as AsyncIterable<TurnEvent>) {
      if (event.type === 'approval-request') {
        await approvals.offer(turn.target, event.approval);
        offered = true;
      }
      // The approval message already says what is waiting; a second "needs approval" text adds nothing.
      if (event.type === 'done') return offered && event.source === 'approval' ? '' : event.text.trim();
    }
    return '';
  };

  return {
    async run(turn) {
      const stopTyping = keepTyping(turn.target, options.typingIntervalMs ?? 8000, log);
      let answer = '';
      try {
        answer = await consume(turn);
      } finally {
        stopTyping();
      }
      const text = [answer, turn.footer ?? ''].filter((part) => part !== '').join('\n\n');
      for (const content of formatReply(text)) await turn.target.send({ content });
      if (answer !== '' && options.speak) await options.speak(turn.guildId, answer);
    },
  };
}

/** Sends "typing" now and every intervalMs (Discord shows it for about 10 s) until the returned function is called. */
function keepTyping(target: ReplyTarget, intervalMs: number, log: Logger): () => void {
  const send = () => void target.typing().catch((error: unknown) => log.debug('typing indicator failed', { error }));
  send();
  const timer = setInterval(send, intervalMs);
  return () => clearInterval(timer);
}
