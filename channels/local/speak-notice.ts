import type { Notice } from '../../src/core/channel.js';
import type { TurnEvent } from '../../src/types.js';
import { earcon } from '../../voice/earcons/earcons.js';
import { speakTurn, type SpeakTurnOptions, type SpokenTurn } from './speak-turn.js';

/**
 * Speaks a notice the way a reply is spoken (same TTS chain, sink and abort), after the alert chime:
 * its text, then for an offered action the exact phrase that approves it ("To approve, say: yes,
 * restart plex."), then the done earcon.
 */
export async function speakNotice(notice: Notice, options: Omit<SpeakTurnOptions, 'events'>): Promise<SpokenTurn> {
  if (options.earcons) await options.sink.play(earcon('alert'));
  return speakTurn({ ...options, events: noticeEvents(notice) });
}

async function* noticeEvents(notice: Notice): AsyncGenerator<TurnEvent> {
  yield { type: 'sentence', text: notice.text };
  for (const approval of notice.actions ?? []) yield { type: 'approval-request', approval };
  // Not an error, so the done earcon ends it; like a router answer, no model was asked.
  yield { type: 'done', text: notice.text, source: 'router' };
}
