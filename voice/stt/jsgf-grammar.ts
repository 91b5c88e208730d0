import { loadDictionary, type PronunciationDictionary } from './pronunciation-dictionary.js';
import { spokenWords } from './spoken-words.js';

/**
 * A router template: `(a|b)` alternatives, `[optional]` words, `{container}` / `{mount}` /
 * `{host}` / `{fact}` slots, e.g. "[please] (restart|reboot) {container}".
 */
export interface CommandTemplate {
  intent: string;
  patterns: string[];
}

export interface BuildJsgfOptions {
  templates: CommandTemplate[];
  /** Names per slot as written ("plex-server"); spoken forms are derived here. */
  vocabulary: Record<string, string[]>;
  dictionary?: PronunciationDictionary;
}

/** Spoken confirmations and interruptions, always in the grammar. */
const confirmationRule = 'yes | no | cancel | stop';
const confirmationWithTarget = 'yes [please] (restart | stop | start) <container>';

/**
 * JSGF text for pocketsphinx: one rule per intent, one per slot, plus confirmations. Words the
 * dictionary cannot pronounce are spelled or dropped; a pattern that still cannot be spoken, or
 * that names a slot with no values, is left out rather than breaking the whole grammar.
 */
export function buildJsgf(options: BuildJsgfOptions): string {
  const dictionary = options.dictionary ?? loadDictionary();
  const slotRules = new Map<string, string>();
  for (const [slot, names] of Object.entries(options.vocabulary)) {
    const spoken = [...new Set(names.map((name) => spokenWords(name, dictionary)).filter((words) => words !== undefined))];
    if (spoken.length > 0) slotRules.set(ruleName(slot), spoken.join(' | '));
  }
  const intentRules = new Map<string, string>();
  for (const template of options.templates) {
    const expansions = template.patterns
      .map((pattern) => patternToJsgf(pattern, dictionary, slotRules))
      .filter((expansion): expansion is string => expansion !== undefined);
    if (expansions.length === 0) continue;
    const name = `intent_${ruleName(template.intent)}`;
    const existing = intentRules.get(name);
    intentRules.set(name, [existing, ...expansions].filter(Boolean).join(' | '));
  }
  const confirmations = slotRules.has('container') ? `${confirmationRule} | ${confirmationWithTarget}` : confirmationRule;
  const publicAlternatives = [...intentRules.keys()].map((name) => `<${name}>`).concat('<confirmation>');
  return [
    '#JSGF V1.0;',
    'grammar sysvox;',
    `public <utterance> = ${publicAlternatives.join(' | ')};`,
    `<confirmation> = ${confirmations};`,
    ...[...intentRules].map(([name, body]) => `<${name}> = ${body};`),
    ...[...slotRules].map(([name, body]) => `<${name}> = ${body};`),
    '',
  ].join('\n');
}

/** Converts one template pattern, or undefined when it cannot be spoken with this vocabulary. */
export function patternToJsgf(pattern: string, dictionary: PronunciationDictionary, slotRules: Map<string, string>): string | undefined {
  const tokens = pattern.toLowerCase().match(/\{[^}]*\}|[()[\]|]|[^\s()[\]|{}]+/g) ?? [];
  const output: string[] = [];
  let depth = 0;
  for (const token of tokens) {
    if (token === '(' || token === '[') depth++;
    if (token === ')' || token === ']') depth--;
    if (depth < 0) return undefined;
    if ('()[]|'.includes(token)) {
      output.push(token);
    } else if (token.startsWith('{')) {
      const slot = ruleName(token.slice(1, -1));
      if (!slotRules.has(slot)) return undefined;
      output.push(`<${slot}>`);
    } else {
      const words = spokenWords(token, dictionary);
      if (!words) return undefined;
      output.push(words);
    }
  }
  if (depth !== 0 || output.length === 0) return undefined;
  return output.join(' ');
}

/** Every word a JSGF grammar can produce (what the pronunciation dictionary must hold). */
export function grammarWords(jsgf: string): string[] {
  const words = new Set<string>();
  for (const line of jsgf.split('\n')) {
    const equals = line.indexOf('=');
    if (equals < 0 || line.startsWith('#')) continue;
    const body = line.slice(equals + 1).replace(/<[^>]*>|\/[\d.e-]+\/|[()[\]|;*+]/g, ' ');
    for (const word of body.split(/\s+/)) if (word) words.add(word);
  }
  return [...words];
}

function ruleName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_]+/g, '_');
}
