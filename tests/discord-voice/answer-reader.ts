/**
 * Reads sysvox's spoken answers back with pocketsphinx. The grammar offers the three instant answers
 * these tests ask for (uptime, CPU, memory), so the reader must choose between them: an answer that
 * was not spoken cannot be read into it. Verified by hand on espeak-ng speech of each answer, before and
 * after an Opus round trip: each is read as its own kind.
 */
import { createPocketsphinxStt } from '../../voice/stt/pocketsphinx-stt.js';
import type { Pcm16 } from '../../voice/stt/stt.js';

const numberWords =
  'zero | one | two | three | four | five | six | seven | eight | nine | ten | eleven | twelve | thirteen | fourteen | fifteen | sixteen | seventeen | eighteen | nineteen | twenty | thirty | forty | fifty | sixty | seventy | eighty | ninety | hundred';

const answersGrammar = [
  '#JSGF V1.0;',
  'grammar reply;',
  'public <reply> = <answer>+;',
  '<answer> = <uptime> | <cpu> | <memory>;',
  '<uptime> = the server has been up for <number>+ <unit> [and <number>+ <unit>];',
  '<cpu> = cpu is at <number>+ percent across <number> cores [load is <number>+ point <number>];',
  '<memory> = memory is at <number>+ percent <number>+ point <number> of <number>+ gigabytes used [there is no swap];',
  '<unit> = second | seconds | minute | minutes | hour | hours | day | days;',
  `<number> = ${numberWords};`,
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
