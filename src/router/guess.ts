/**
 * The router's second tier: when no template matches, score the normalised utterance against every
 * intent's keywords (its templates' words and the words its area declares) and the names it carries
 * (containers, mounts, hosts from the turn's vocabulary), and return the best reading with a confidence.
 * At or above the threshold the core answers it at once, worded as a guess; below it, the brain is
 * asked, and the guess is kept for when the language model cannot answer. See
 * docs/decisions/018-router-second-tier.md.
 */
import type { ToolArea } from './area.js';
import { buildProfiles, functionWords, type IntentProfile } from './guess-profile.js';
import {
  fillerWords,
  judgementWords,
  openCommandStarts,
  openQuestionPhrases,
  openQuestionWords,
  thresholdWords,
} from './guess-words.js';
import type { Lexicon } from './lexicon.js';
import { maxUtteranceTokens, normalizeUtterance } from './normalize.js';
import type { RouterGuess, RouterSlots, Vocabulary } from './types.js';

/** At or above it a guess is answered as if matched. */
export const guessThreshold = 0.6;
/** Less evidence than this (one shared template word) is no guess at all, not even for when the language model is down. */
export const evidenceFloor = 0.5;
/** A reading this weak before the open-question cap (many words it does not explain) is no guess at all. */
export const guessFloor = 0.25;
/** The most an utterance with an open-question word ("why", "compare", "poem") can score. */
const openQuestionCap = 0.35;
/** Each word the guessed intent does not explain costs this factor. */
const unexplainedFactor = 0.55;
/** A runner-up this close to the best makes the guess ambiguous. */
const ambiguousRatio = 0.8;

/** A name found in the utterance: which slot, its value, and which tokens it took. */
interface FoundName {
  slot: string;
  value: string;
  start: number;
  end: number;
  exact: boolean;
}

export interface Guesser {
  guess(text: string, vocabulary: Vocabulary): RouterGuess | null;
}

export function createGuesser(lexicon: Lexicon, areas: readonly ToolArea[]): Guesser {
  const profiles = buildProfiles(lexicon, areas);
  const keywords = new Set(profiles.flatMap((profile) => [...profile.words.keys()]));
  // A yes or a no ("yes ...", "do it", "go ahead", "never mind"): an utterance with one is never guessed with confidence.
  const answerPhrases = [lexicon.wordClasses.yes, lexicon.wordClasses.no]
    .flatMap((body) => body?.split('|') ?? [])
    .map((phrase) => phrase.trim())
    .filter((phrase) => /^[a-z ]+$/.test(phrase) && !fillerWords.has(phrase));
  return {
    guess(text, vocabulary) {
      const tokens = normalizeUtterance(text);
      if (tokens.length === 0 || tokens.length > maxUtteranceTokens) return null;
      const names = findNames(tokens, lexicon, vocabulary, keywords);
      return bestGuess(profiles, tokens, names, text, answerPhrases);
    },
  };
}

/** Names the vocabulary knows, longest first, left to right; a keyword is a name only when said exactly. */
function findNames(
  tokens: readonly string[],
  lexicon: Lexicon,
  vocabulary: Vocabulary,
  keywords: ReadonlySet<string>,
): FoundName[] {
  const found: FoundName[] = [];
  const taken = new Set<number>();
  const spoken = ` ${tokens.join(' ')} `;
  for (const area of lexicon.namedSlots) {
    const slot = lexicon.slots.get(area.name);
    const known = (vocabulary[area.name] ?? []).map((name) => name.toLowerCase());
    if (!slot || known.length === 0) continue;
    for (let start = 0; start < tokens.length; start += 1) {
      for (let length = Math.min(slot.maxWords, 3, tokens.length - start); length >= 1; length -= 1) {
        const span = tokens.slice(start, start + length);
        if (span.some((_, offset) => taken.has(start + offset))) continue;
        if (span.every((word) => functionWords.has(word))) continue;
        const value = slot.resolve(span, vocabulary);
        if (value === null || !known.includes(value.toLowerCase())) continue;
        const exact = spoken.includes(` ${value.toLowerCase()} `) && span.join(' ') === value.toLowerCase();
        if (!exact && span.some((word) => keywords.has(word))) continue;
        found.push({ slot: area.name, value, start, end: start + length, exact });
        span.forEach((_, offset) => taken.add(start + offset));
        break;
      }
    }
  }
  return found;
}

interface Scored {
  profile: IntentProfile;
  evidence: number;
}

function score(profile: IntentProfile, tokens: readonly string[], names: readonly FoundName[]): Scored | null {
  for (const [slot, required] of profile.slots) {
    if (required && !names.some((name) => name.slot === slot)) return null;
  }
  const inName = (index: number) => names.some((name) => index >= name.start && index < name.end);
  let evidence = 0;
  const counted = new Set<string>();
  tokens.forEach((token, index) => {
    if (inName(index) || counted.has(token)) return;
    counted.add(token);
    evidence += profile.words.get(token) ?? 0;
  });
  const slotsSaid = new Set(names.filter((name) => profile.slots.has(name.slot)).map((name) => name.slot));
  evidence += slotsSaid.size * (profile.bareSlot ? 0.6 : 0.4);
  return evidence > 0 ? { profile, evidence } : null;
}

function bestGuess(
  profiles: readonly IntentProfile[],
  tokens: readonly string[],
  names: readonly FoundName[],
  said: string,
  answerPhrases: readonly string[],
): RouterGuess | null {
  const scored = profiles
    .map((profile) => score(profile, tokens, names))
    .filter((entry): entry is Scored => entry !== null)
    .sort((a, b) => b.evidence - a.evidence || a.profile.order - b.profile.order);
  const best = scored[0];
  if (!best || best.evidence < evidenceFloor) return null;
  // A name the guessed intent has no slot for ("how much memory does plex use") is not explained by it.
  const usedName = (index: number) =>
    names.some((name) => index >= name.start && index < name.end && best.profile.slots.has(name.slot));
  const unexplained = tokens.filter(
    (token, index) =>
      !usedName(index) &&
      !(best.profile.words.get(token) ?? 0) &&
      !functionWords.has(token) &&
      !fillerWords.has(token) &&
      !openQuestionWords.has(token) &&
      !thresholdWords.has(token) &&
      !/^\d+$/.test(token),
  ).length;
  let confidence = Math.min(1, best.evidence) * unexplainedFactor ** unexplained;
  if (confidence < guessFloor) return null;
  const tied = scored[1]?.evidence === best.evidence;
  if (tied || rival(scored, tokens, names) >= ambiguousRatio * best.evidence) confidence *= 0.5;
  // Two names for one slot ("restart plex and nextcloud"): one answer would leave the other out.
  const twoNames = [...best.profile.slots.keys()].some((slot) => names.filter((name) => name.slot === slot).length > 1);
  if (twoNames || isOpenQuestion(tokens, answerPhrases)) confidence = Math.min(confidence, openQuestionCap);
  confidence = Math.round(confidence * 100) / 100;
  return toGuess(best.profile, names, tokens, said, confidence);
}

/** The strongest other reading from words the best one does not explain ("cpu and memory"): 0 when it explains them all. */
function rival(scored: readonly Scored[], tokens: readonly string[], names: readonly FoundName[]): number {
  const [best, ...others] = scored;
  const inName = (index: number) => names.some((name) => index >= name.start && index < name.end);
  const left = new Set(tokens.filter((token, index) => !inName(index) && !best!.profile.words.get(token)));
  const slotsLeft = new Set(names.map((name) => name.slot).filter((slot) => !best!.profile.slots.has(slot)));
  const evidenceOf = (profile: IntentProfile) =>
    [...left].reduce((sum, token) => sum + (profile.words.get(token) ?? 0), 0) +
    [...slotsLeft].filter((slot) => profile.slots.has(slot)).length * 0.4;
  return Math.max(0, ...others.map((other) => evidenceOf(other.profile)));
}

/**
 * Why, compare, "how do i", "what is a", "tell me about", a command the router does not do ("free ..."),
 * a judgement against a number ("is 80 degrees too hot"), or an answer to an approval ("yes and also ...",
 * "okay do it"): never confident.
 */
function isOpenQuestion(tokens: readonly string[], answerPhrases: readonly string[]): boolean {
  if (tokens.some((token) => openQuestionWords.has(token)) || openCommandStarts.has(tokens[0] ?? '')) return true;
  const text = ` ${tokens.join(' ')} `;
  if (answerPhrases.some((phrase) => (phrase.includes(' ') ? text.includes(` ${phrase} `) : tokens[0] === phrase)))
    return true;
  // "what is docker", "what is load average": a figure question names the figure with "the" (and a template has
  // it); "what is eating the ram" asks what is happening.
  const third = tokens[2] ?? 'the';
  if (tokens[0] === 'what' && tokens[1] === 'is' && !functionWords.has(third) && !third.endsWith('ing')) return true;
  if (tokens.some((token) => /^\d+$/.test(token)) && tokens.some((token) => judgementWords.has(token))) return true;
  return openQuestionPhrases.some((phrase) => text.includes(` ${phrase} `));
}

function toGuess(
  profile: IntentProfile,
  names: readonly FoundName[],
  tokens: readonly string[],
  said: string,
  confidence: number,
): RouterGuess {
  const slots: RouterSlots = { ...profile.fixedSlots };
  const used = names.filter((name) => profile.slots.has(name.slot));
  for (const name of used) slots[name.slot] ??= name.value;
  const target = used.find((name) => profile.slots.get(name.slot)) ?? used[0];
  return {
    intent: profile.intent,
    slots,
    template: '(keyword guess)',
    normalized: tokens.join(' '),
    said,
    tier: confidence >= guessThreshold ? 'guess-confident' : 'guess-fallback',
    confidence,
    topic: topicFor(profile.topic, slots),
    ...(target ? { target: { slot: target.slot, value: target.value, exact: target.exact } } : {}),
  };
}

/** "the disk[ at {mount}]" -> "the disk at /data", or "the disk" when no mount was said. */
export function topicFor(topic: string, slots: RouterSlots): string {
  const fill = (text: string) => text.replace(/\{([a-z-]+)\}/g, (_, slot: string) => slots[slot] ?? '');
  return fill(
    topic.replace(/\[([^\]]*)\]/g, (_, inner: string) =>
      [...inner.matchAll(/\{([a-z-]+)\}/g)].every((found) => slots[found[1]!] !== undefined) ? inner : '',
    ),
  ).trim();
}
