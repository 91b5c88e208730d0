/**
 * Reads sysvox's spoken answers back with pocketsphinx. The grammar offers the three instant answers
 * these tests ask for (uptime, CPU, memory), known by their opening words, so the reader must choose
 * between them. Checked by hand on espeak-ng speech before and after an Opus round trip: each answer
 * (with one- or two-decimal figures, one or two answers in a row) is read as its own kind. Unrelated
 * speech may still be forced into some kind, so tests assert the exact sequence of kinds.
 */
import { createPocketsphinxStt } from '../../voice/stt/pocketsphinx-stt.js';
import type { Pcm16 } from '../../voice/stt/stt.js';

const numberWords =
  'zero | one | two | three | four | five | six | seven | eight | nine | ten | eleven | twelve | thirteen | fourteen | fifteen | sixteen | seventeen | eighteen | nineteen | twenty | thirty | forty | fifty | sixty | seventy | eighty | ninety | hundred';

const tailWords =
  'point | percent | across | core | cores | load | is | of | gigabytes | used | there | no | swap | unused | at | and | second | seconds | minute | minutes | hour | hours | day | days';

/** Each answer is known by its opening words; what follows is figures and the words around them. */
const answersGrammar = [
  '#JSGF V1.0;',
  'grammar reply;',
  'public <reply> = <answer>+;',
  '<answer> = <uptime> | <cpu> | <memory>;',
  '<uptime> = the server has been up for <word>+;',
  '<cpu> = cpu is at <word>+;',
  '<memory> = memory is at <word>+;',
  `<word> = ${numberWords} | ${tailWords};`,
  '',
].join('\n');

export type AnswerKind = 'uptime' | 'cpu' | 'memory';

/** The answers heard in the audio, in order, and the words as read. */
export async function readAnswers(pcm: Pcm16): Promise<{ kinds: AnswerKind[]; text: string }> {
  const reader = createPocketsphinxStt({
    grammar: () => answersGrammar,
    minimumCoverage: 0.2,
    maximumSilenceSeconds: Number.POSITIVE_INFINITY,
  });
  try {
    const { text } = await reader.transcribe(pcm);
    const kinds = [...text.matchAll(/the server has been up|cpu is at|memory is at/g)].map((match): AnswerKind =>
      match[0].startsWith('cpu') ? 'cpu' : match[0].startsWith('memory') ? 'memory' : 'uptime',
    );
    return { kinds, text };
  } finally {
    await reader.close?.();
  }
}
