/**
 * Shapes that the core, policy, router, brain, memory and every channel share. A leaf: it imports nothing,
 * so any module may import it without an upward arrow.
 */
export type ChannelName = 'cli' | 'voice' | 'telegram' | 'discord' | 'alert' | (string & {});

/** Who is speaking, as the channel knows them. The core maps it to a person in memory. */
export interface PersonRef {
  channel: ChannelName;
  /** The channel's own id: a Telegram numeric user id, 'local' for the CLI, 'room' for the microphone. */
  externalId: string;
  displayName?: string;
}

/** 'guess': the router's second tier answered (src/router/guess.ts), at once or because the model could not. */
export type AnswerSource = 'router' | 'guess' | 'brain' | 'approval' | 'policy' | 'error' | 'rate-limit';

/** The target (and action) a confirmation names: { target: 'plex-server', action: 'restart' } for "yes, restart plex". */
export interface NamedRequest {
  target: string;
  /** The verb the request's description starts with ('restart', 'stop', 'start'), when the words said one. */
  action?: string;
}

export interface ApprovalView {
  id: string;
  tool: string;
  /** "restart container 'plex'" */
  description: string;
  expiresAt: Date;
  /** What a voice user must say to approve, e.g. "yes, restart plex". */
  confirmPhrase: string;
}

export type TurnEvent =
  | { type: 'text-delta'; text: string }
  | { type: 'sentence'; text: string }
  | { type: 'thinking'; stage: 'tool' | 'brain' }
  | { type: 'tool-call'; callId: string; tool: string; input: unknown; description: string }
  | { type: 'tool-result'; callId: string; tool: string; ok: boolean; output: string }
  | { type: 'approval-request'; approval: ApprovalView }
  | { type: 'done'; text: string; source: AnswerSource };
