/**
 * The router's shapes: what the core hands in (Vocabulary), what a template is, what a match returns.
 * Intents and slots are open names: each tool area brings its own (src/router/area.ts).
 */
import type { ApprovalView, NamedRequest } from '../types.js';

/** An intent, named by the area that answers it ('cpu', 'container_restart'); the core owns confirm, deny and help. */
export type IntentName = string;

/**
 * The names each slot may be filled with right now, by slot name: { container: [...], mount: [...],
 * host: [...] }. Collected from the areas' slot providers per turn; a slot that is missing has no names.
 */
export type Vocabulary = Readonly<Record<string, readonly string[]>>;

/** A match's slot values by slot name ({ container: 'plex-server' }), plus the template's fixed slots. */
export type RouterSlots = Partial<Record<string, string>>;

export interface RouterMatch {
  intent: IntentName;
  slots: RouterSlots;
  /** The pattern that matched, as its area wrote it. */
  template: string;
  /** The utterance after normalisation ("yes restart plex"); the core checks spoken confirmations on it. */
  normalized: string;
  /** The utterance as written or heard, before normalisation: free text ({fact}) is kept as said (slot-as-said.ts). */
  said?: string;
  /** How it was understood: a template ('template', the default) or the keyword scorer (guess.ts). */
  tier?: MatchTier;
}

/** 'guess-confident' answers at once; 'guess-fallback' answers only when the language model cannot. */
export type MatchTier = 'template' | 'guess-confident' | 'guess-fallback';

/** The keyword scorer's best reading of an utterance no template matched (src/router/guess.ts). */
export interface RouterGuess extends RouterMatch {
  tier: 'guess-confident' | 'guess-fallback';
  /** 0..1; at or above the guess threshold the router answers as if matched. */
  confidence: number;
  /** What was understood, for the answer: "the memory", "the logs of plex-server". */
  topic: string;
  /** The name the guess acts on, and whether it was said as the vocabulary spells it (only then may it ask to act). */
  target?: { slot: string; value: string; exact: boolean };
}

/** Whether the help text lists a template as something to ask or something to do. */
export type HelpKind = 'ask' | 'do';

export interface Template {
  intent: IntentName;
  /** Patterns in the syntax of template-syntax.md, tried in order. */
  patterns: string[];
  /**
   * The phrasings the offline speech recogniser (pocketsphinx grammar mode) is offered, when they should be
   * fewer and more distinct than `patterns` (docs/decisions/023): every alternative in a grammar is a path
   * that other speech can be forced onto. Each must route to this template when typed
   * (tests/router/spoken-patterns.test.ts). Default: `patterns`; [] keeps the template out of the grammar.
   */
  spoken?: string[];
  /** Slots every match of this template carries (e.g. metric: 'memory'). */
  fixedSlots?: RouterSlots;
  /** A phrase for the help text ("the CPU"), when the template is worth listing. */
  help?: { kind: HelpKind; topic: string };
}

export type RouterAnswer =
  | { kind: 'answer'; text: string }
  | { kind: 'approval'; text: string; approval: ApprovalView }
  | {
      kind: 'approval-decision';
      decision: 'approve' | 'deny';
      spokenText: string;
      /** What a targeted confirmation names ("yes, restart plex"): only a request for it may be approved. */
      names?: NamedRequest;
    };
