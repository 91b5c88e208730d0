/**
 * A tool area: one folder under tools/ (system, docker, memory; later ssh, systemd ...) that brings
 * everything sysvox needs to use its tools: the tools themselves, the words of its instant answers
 * (templates, word classes, slots with their names) and the answer to each of its intents. The router,
 * the help text and the recogniser's grammar are put together from the registered areas
 * (createRouter({ areas })); the core owns only confirm, deny, help and the free-text slots.
 * See docs/decisions/010-tool-areas.md and template-syntax.md.
 */
import type { AlertCheck } from '../toolkit/check.js';
import type { InvokeOutcome } from '../policy/outcome.js';
import type { AnyTool } from '../toolkit/tool.js';
import type { RouterAnswer, RouterMatch, Template, Vocabulary } from './types.js';

/**
 * The value these words name, or null when they cannot fill the slot. `values` are the slot's own names
 * this turn; `vocabulary` holds every slot's (a container resolver refuses a word that names a host).
 */
export type SlotResolve = (
  words: readonly string[],
  values: readonly string[],
  vocabulary: Vocabulary,
) => string | null;

/** A slot an area's patterns may use ({container}), with where its names come from and how words fill it. */
export interface AreaSlot {
  /** As patterns write it and matches carry it: {container} -> match.slots.container. Lowercase, dashes. */
  name: string;
  /**
   * The names it may be filled with right now (Docker's containers). Called once per turn; a failure
   * counts as no names (Docker down -> no containers), so it never stops a turn.
   */
  values(): Promise<readonly string[]>;
  resolve: SlotResolve;
  /** Other ways a pattern may write this slot, each with its own resolver: {known-container} takes known names only. */
  forms?: Readonly<Record<string, SlotResolve>>;
  /** The most words one value takes; default 5. */
  maxWords?: number;
  /** How the recogniser may hear one name ("plex-server" -> "plex server", "plex"); default its spoken words. */
  spoken?(value: string): readonly string[];
}

/** What an answer handler gets for one match. */
export interface AnswerContext {
  readonly match: RouterMatch;
  /**
   * Calls a tool through policy (which may refuse it or ask for approval). When the match has a `host`
   * slot, `host` is added to the input, so the tool runs against that machine.
   */
  invoke(tool: string, input: Readonly<Record<string, unknown>>): Promise<InvokeOutcome>;
  /** The other areas' parts of the overall status ("all 14 containers are healthy"), in area order. */
  statusParts(): Promise<StatusPart[]>;
}

export type IntentHandler = (context: AnswerContext) => Promise<RouterAnswer>;

/** One clause an area adds to the overall status sentence. */
export interface StatusPart {
  /** "all 14 containers are healthy", "I can't reach Docker", "2 of 5 containers have problems: ...". */
  clause: string;
  /** A problem is joined with "but", anything else with "and". */
  problem: boolean;
}

/**
 * The words that point at one intent when no template matched (the keyword scorer, src/router/guess.ts),
 * and how a guess names it. Words the area's templates use count too; these weigh more.
 */
export interface IntentKeywords {
  /** Single normalised words ("ram", "hog", "logs"); each found in the utterance is full evidence. */
  words: readonly string[];
  /** What was understood, said back: "the memory", "the logs of {container}", "the disk[ at {mount}]" ([...] goes when its slot is empty). */
  topic: string;
  /** The intent a bare name of its slot points at ("plex?" -> the status of plex-server). */
  bareSlot?: boolean;
}

export interface ToolArea {
  /** 'docker', 'system': names the area in configuration errors. */
  name: string;
  /** Its tools, for the registry (the brain and policy see every area's tools). */
  tools: readonly AnyTool[];
  /** Tried in area order, after the core's; an area may add patterns to an intent another area or the core answers. */
  templates: readonly Template[];
  /** Synonym classes its patterns use (<containers>); names must not clash with the core's or another area's. */
  wordClasses?: Readonly<Record<string, string>>;
  slots?: readonly AreaSlot[];
  /** Keywords per intent for the second matching tier (what the templates miss); optional. */
  keywords?: Readonly<Record<string, IntentKeywords>>;
  /** The answer to each intent it owns; every template's intent needs one here, in another area or in the core. */
  answers: Readonly<Record<string, IntentHandler>>;
  /** Its part of the overall status answer, or null when it has nothing to add; a failure leaves it out. */
  status?(context: AnswerContext): Promise<StatusPart | null>;
  /**
   * Its alert checks (metric thresholds, unhealthy containers ...), run by the alert engine on their own
   * schedule, never through the LLM. Built from config.alerts by the area's factory; none when it has none.
   */
  checks?: readonly AlertCheck[];
}
