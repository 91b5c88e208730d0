/**
 * One request heard in the call, answered: a core turn carrying the speaker's Discord identity (the
 * same person as on Discord text, and on other channels the config links), each sentence spoken into
 * the call as the core makes it, the approval phrase said when one is needed, and the exchange posted
 * in the linked text channel.
 */
import type { Core } from '../../../src/core/turn.js';
import { apology, describeError, SysvoxError } from '../../../src/errors.js';
import type { Logger } from '../../../src/log.js';
import type { ApprovalView } from '../../../src/types.js';
import { approvalInstructions } from '../../local/speak-turn.js';
import type { DiscordVoiceHooks, VoiceSpeaker } from '../voice-port.js';
import type { CallPlayer } from './call-player.js';

/** Discord's limit for one message. */
const maxMessageCharacters = 2000;

export interface HeardRequest {
  speaker: VoiceSpeaker;
  channelId: string;
  textChannelId?: string;
  text: string;
}

export interface AnsweredRequest {
  text: string;
  source: string;
  approval?: ApprovalView;
  cutShort: boolean;
}

export interface VoiceTurnDeps {
  core: Core;
  player: CallPlayer;
  hooks: DiscordVoiceHooks;
  log: Logger;
  approvalsByVoice: boolean;
}

export async function answerRequest(
  request: HeardRequest,
  deps: VoiceTurnDeps,
  signal: AbortSignal,
): Promise<AnsweredRequest> {
  const result: AnsweredRequest = { text: '', source: 'error', cutShort: false };
  const spoken: string[] = [];
  // Each sentence is synthesized as soon as the core says it and played after the one before.
  let playing: Promise<void> = Promise.resolve();
  const say = (text: string) => {
    spoken.push(text);
    const prepared = deps.player.prepare(text, signal);
    playing = playing.then(async () => {
      if ((await deps.player.play(await prepared, signal)) === 'stopped') result.cutShort = true;
    });
  };
  try {
    for await (const event of deps.core.handle({
      channel: 'discord',
      person: { channel: 'discord', externalId: request.speaker.userId, displayName: request.speaker.displayName },
      conversation: `voice:${request.channelId}:${request.speaker.userId}`,
      text: request.text,
      modality: 'voice',
      signal,
    })) {
      if (event.type === 'sentence' && !signal.aborted) say(event.text);
      else if (event.type === 'approval-request') result.approval = event.approval;
      else if (event.type === 'done') Object.assign(result, { text: event.text, source: event.source });
    }
  } catch (error) {
    deps.log.warn('voice turn failed', { error: describeError(error) });
    result.text = error instanceof SysvoxError ? error.spoken : apology;
    if (!signal.aborted) say(result.text);
  }
  if (result.approval && !signal.aborted)
    for (const text of approvalInstructions(result.approval, spoken, deps.approvalsByVoice)) say(text);
  await playing;
  result.cutShort ||= signal.aborted;
  await postExchange(request, result, deps);
  return result;
}

async function postExchange(request: HeardRequest, answer: AnsweredRequest, deps: VoiceTurnDeps): Promise<void> {
  if (!request.textChannelId) return;
  const lines = [`🎙️ ${request.speaker.displayName}: ${request.text}`, answer.text];
  if (answer.approval && deps.approvalsByVoice)
    lines.push(`To approve by voice, say: "${answer.approval.confirmPhrase}".`);
  const message = lines.join('\n');
  const fitted = message.length > maxMessageCharacters ? `${message.slice(0, maxMessageCharacters - 1)}…` : message;
  try {
    await deps.hooks.post(request.textChannelId, fitted);
  } catch (error) {
    deps.log.warn('could not post the voice exchange in the text channel', { error: describeError(error) });
  }
}
