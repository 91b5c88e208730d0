/**
 * Helpers every area's answer handlers share: call a tool through `invoke`, read its data through the
 * tool's own output schema, and turn whatever did not give data (an error, a refusal, an approval) into
 * one spoken sentence.
 */
import type { z } from 'zod';
import type { InvokeOutcome } from '../policy/outcome.js';
import type { ApprovalView } from '../types.js';
import type { AnswerContext } from './area.js';
import { asSentence, capitalise, speakable } from './speech-format.js';
import type { RouterAnswer } from './types.js';

export const answer = (text: string): RouterAnswer => ({ kind: 'answer', text });

export function approvalAnswer(approval: ApprovalView, gerund: string): RouterAnswer {
  return {
    kind: 'approval',
    text: capitalise(`${gerund} needs your approval. Say ${approval.confirmPhrase}, or no.`),
    approval,
  };
}

/** A tool that did not give data: its error, refusal or approval, said as one sentence. */
export function notOk(outcome: Exclude<InvokeOutcome, { status: 'ok' }>, gerund: string): RouterAnswer {
  if (outcome.status === 'approval-required') return approvalAnswer(outcome.approval, gerund);
  return answer(asSentence(speakable(outcome.message, 300)));
}

export const unreadable = (tool: string): RouterAnswer =>
  answer(`I got an answer from ${tool.replaceAll('_', ' ')} that I could not read.`);

/** What a handler needs to read a tool: its name and the schema of what it returns (a TypedTool is one). */
export interface ReadableTool<O> {
  name: string;
  output: z.ZodType<O>;
}

/** A tool's data, parsed by its output schema, or the answer that says why there is none. */
export type Read<T> = { value: T } | { failed: RouterAnswer };

/** `gerund` names the call in an approval or refusal sentence: "restarting plex-server needs your approval". */
export async function readTool<O>(
  context: Pick<AnswerContext, 'invoke'>,
  tool: ReadableTool<O>,
  input: Readonly<Record<string, unknown>>,
  gerund: string,
): Promise<Read<O>> {
  const outcome = await context.invoke(tool.name, input);
  if (outcome.status !== 'ok') return { failed: notOk(outcome, gerund) };
  const parsed = tool.output.safeParse(outcome.data);
  return parsed.success ? { value: parsed.data } : { failed: unreadable(tool.name) };
}

/** Calls one tool and speaks its data through `speak`, or the reason it could not. */
export async function answerFrom<O>(
  context: Pick<AnswerContext, 'invoke'>,
  tool: ReadableTool<O>,
  input: Readonly<Record<string, unknown>>,
  gerund: string,
  speak: (value: O) => string,
): Promise<RouterAnswer> {
  const got = await readTool(context, tool, input, gerund);
  return 'failed' in got ? got.failed : answer(speak(got.value));
}
