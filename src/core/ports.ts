import type { Brain } from '../brain/brain-types.js';
import type { Logger } from '../log.js';
import type { ApprovalResolution, ResolveApprovalRequest } from '../policy/approval-resolution.js';
import type { InvokeOutcome, InvokeRequest } from '../policy/outcome.js';
import type { RateLimiter } from '../policy/rate-limiter.js';
import type { RouterAnswer, RouterGuess, RouterMatch, Vocabulary } from '../router/types.js';
import type { Risk } from '../toolkit/tool.js';
import type { PersonRef } from '../types.js';

/**
 * What the core needs from the rest of sysvox, as narrow ports. main.ts binds the concrete pieces;
 * tests bind real memory and policy with fake engines.
 */
export interface CoreMemory {
  resolvePerson(ref: PersonRef): { id: number; displayName: string };
  openConversation(channel: string, key: string, personId: number): number;
  addMessage(conversationId: number, role: 'user' | 'assistant', text: string): void;
  recentMessages(conversationId: number, limit: number): { role: 'user' | 'assistant'; content: string }[];
  facts(): string[];
  recordTiming(entry: { turnId: string; channel: string; stage: string; ms: number }): void;
  audit(entry: { kind: string; personId?: number; channel?: string; detail: string; outcome: string }): void;
}

export interface CoreRunner {
  invoke(request: InvokeRequest): Promise<InvokeOutcome>;
  resolveApproval(request: ResolveApprovalRequest): Promise<ApprovalResolution>;
  drop(request: InvokeRequest, reason: string): void;
}

export interface CoreRouter {
  match(text: string, vocabulary: Vocabulary): RouterMatch | null;
  /** The second tier, for what no template matched (src/router/guess.ts); none means no guesses. */
  guess?(text: string, vocabulary: Vocabulary): RouterGuess | null;
  answer(match: RouterMatch, invoke: (tool: string, input: unknown) => Promise<InvokeOutcome>): Promise<RouterAnswer>;
}

export interface CoreOptions {
  memory: CoreMemory;
  runner: CoreRunner;
  router: CoreRouter;
  brain: Pick<Brain, 'run'>;
  /** Each tool's risk tier (the registry's, after config): a guess asks for a tool that is not safe only when its target was said exactly. */
  toolRisk: (tool: string) => Risk | undefined;
  /** Brain turns per person; the router is exempt. */
  rateLimiter: RateLimiter;
  /** The names of the router's slots (containers, mounts, hosts ...); must not throw (Docker down -> no containers). */
  vocabulary: () => Promise<Vocabulary>;
  /** The owner's notes for the prompt; `text` is the question, so a host it names can bring its own note. */
  contextNotes: (text: string) => Promise<string>;
  historyMessages: number;
  /** Longest turn text the core takes (default 4000 characters); longer ones are refused with one sentence. */
  maxTurnChars?: number;
  log: Logger;
  now?: () => number;
}
