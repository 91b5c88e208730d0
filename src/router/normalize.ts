/**
 * Turns what a person typed or said into the token list the templates are written against:
 * lowercase, no punctuation (a path like /mnt/tank and names like plex-server survive), contractions
 * expanded, spoken numbers as digits, spelled letters joined ("c p u" -> "cpu"), fillers dropped, and
 * wake-word and politeness prefixes and suffixes removed ("hey jarvis, could you tell me ...").
 *
 * Discourse words at the start ("okay", "alright", "so", "actually") are dropped when more words follow:
 * "okay um restart plex" is the command "restart plex", never a confirmation; "okay" alone stays (a yes).
 */
import { digitsForSpokenNumbers } from './spoken-numbers.js';

const contractions: Record<string, string> = {
  "what's": 'what is',
  whats: 'what is',
  "how's": 'how is',
  hows: 'how is',
  "it's": 'it is',
  "that's": 'that is',
  "who's": 'who is',
  "where's": 'where is',
  "there's": 'there is',
  "what're": 'what are',
  "isn't": 'is not',
  "aren't": 'are not',
  "don't": 'do not',
  "doesn't": 'does not',
  "didn't": 'did not',
  "can't": 'cannot',
  "i'm": 'i am',
  "i'd": 'i would',
  "let's": 'let us',
  "won't": 'will not',
  "wasn't": 'was not',
  "how're": 'how are',
  "hasn't": 'has not',
  "haven't": 'have not',
  "i've": 'i have',
  "we've": 'we have',
  "we're": 'we are',
  "you're": 'you are',
  "they're": 'they are',
  "where're": 'where are',
  isnt: 'is not',
  arent: 'are not',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  cant: 'cannot',
  lets: 'let us',
  im: 'i am',
  ive: 'i have',
  gimme: 'give me',
  lemme: 'let me',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  rn: 'right now',
  whatre: 'what are',
};

/** Dropped wherever they are: hesitations, and "current" ("the current cpu usage" is the cpu usage). */
const fillers = new Set(['um', 'umm', 'uh', 'uhh', 'erm', 'er', 'hmm', 'hm', 'uhm', 'current', 'currently']);

const prefixes: string[][] = [
  'hey jarvis',
  'ok jarvis',
  'okay jarvis',
  'hi jarvis',
  'jarvis',
  'hey sysvox',
  'sysvox',
  'hey',
  'yo',
  'please',
  'can you',
  'could you',
  'would you',
  'will you',
  'can u',
  'could u',
  'would u',
  'kindly',
  'tell me',
  'show me',
  'give me',
  'can i get',
  'can i have',
  'can i see',
  'could i get',
  'could i see',
  'let me see',
  'let me know',
  'let us',
  'i want you to',
  'i need you to',
  'i want to see',
  'go ahead and',
  'okay',
  'ok',
  'alright',
  'all right',
  'right',
  'actually',
  'oh',
  'real quick',
  'quick',
  'i want to know',
  'i would like to know',
  'do you know',
  'quick question',
  'so',
  'and',
  'well',
  'quickly',
  'just',
].map((phrase) => phrase.split(' '));

const suffixes: string[][] = [
  'please',
  'and thanks',
  'and thank you',
  'thanks',
  'thank you',
  'thank u',
  'for me',
  'right now',
  'real quick',
  'quickly',
  'or not',
  'now',
  'at the moment',
  'currently',
  'jarvis',
].map((phrase) => phrase.split(' '));

/** Cut past this many tokens: long utterances are open questions, and it bounds matching cost. */
export const maxUtteranceTokens = 40;

function startsWith(tokens: string[], phrase: string[]): boolean {
  return phrase.every((word, index) => tokens[index] === word);
}

function endsWith(tokens: string[], phrase: string[]): boolean {
  const offset = tokens.length - phrase.length;
  return offset >= 0 && phrase.every((word, index) => tokens[offset + index] === word);
}

/** Strips politeness and wake words at both ends, but never the last remaining token. */
function stripCourtesy(tokens: string[]): string[] {
  let current = tokens;
  let changed = true;
  while (changed) {
    changed = false;
    for (const phrase of prefixes) {
      if (current.length > phrase.length && startsWith(current, phrase)) {
        current = current.slice(phrase.length);
        changed = true;
      }
    }
    for (const phrase of suffixes) {
      if (current.length > phrase.length && endsWith(current, phrase)) {
        current = current.slice(0, current.length - phrase.length);
        changed = true;
      }
    }
  }
  return current;
}

/** "c p u" -> "cpu", "r a m" -> "ram": two or more single letters in a row become one word. */
function joinSpelledLetters(tokens: string[]): string[] {
  const result: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 2) result.push(run.join(''));
    else result.push(...run);
    run = [];
  };
  for (const token of tokens) {
    if (/^[a-z]$/.test(token)) run.push(token);
    else {
      flush();
      result.push(token);
    }
  }
  flush();
  return result;
}

function splitWords(text: string): string[] {
  const words = text
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/%/g, ' percent ')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9/_\-.' ]+/g, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 0);
  const expanded = words.flatMap((word) => {
    const clean = word.replace(/^['.\-_]+|['.\-_]+$/g, '');
    const replacement = contractions[clean];
    if (replacement) return replacement.split(' ');
    return [clean.replace(/'s$/, '').replace(/'/g, '')];
  });
  return expanded.filter((word) => word.length > 0 && !fillers.has(word));
}

/**
 * "tell me if plex is up", "check whether the db is running", "see if there is space on /data": the
 * question inside, asked the plain way ("is plex up"). Only when an "is" or "are" follows; otherwise the
 * words stay as they are ("see if you can fix nextcloud" is no question the templates know).
 */
function askedInside(tokens: string[]): string[] {
  const lead = ['check', 'see', 'ask'].includes(tokens[0] ?? '') ? 1 : 0;
  if (!['if', 'whether'].includes(tokens[lead] ?? '')) return tokens;
  const rest = tokens.slice(lead + 1);
  const verb = rest.findIndex((word) => word === 'is' || word === 'are');
  if (verb <= 0) return tokens;
  return [rest[verb]!, ...rest.slice(0, verb), ...rest.slice(verb + 1)];
}

/** "would you mind checking the disk": the request is "check the disk". */
const mindPrefixes = [
  ['would', 'you', 'mind'],
  ['do', 'you', 'mind'],
];
const gerunds: Readonly<Record<string, string>> = {
  checking: 'check',
  restarting: 'restart',
  stopping: 'stop',
  starting: 'start',
  showing: 'show',
  telling: 'tell',
  giving: 'give',
};

function withoutMind(tokens: string[]): string[] {
  const prefix = mindPrefixes.find((phrase) => phrase.every((word, index) => tokens[index] === word));
  if (!prefix) return tokens;
  const [first, ...rest] = tokens.slice(prefix.length);
  const verb = first === undefined ? undefined : gerunds[first];
  return verb ? [verb, ...rest] : tokens;
}

/** Whole utterances that stripping would break: "please do" is a yes, not the word "do". */
const wholeUtterances: Readonly<Record<string, string[]>> = { 'please do': ['do', 'it'] };

/** The utterance as template tokens. An empty array means there was nothing to match. */
export function normalizeUtterance(text: string): string[] {
  const words = splitWords(text);
  const whole = wholeUtterances[words.join(' ')];
  if (whole) return [...whole];
  // A lone "n" left after joining spelled letters is "and": "cpu n ram".
  const joined = joinSpelledLetters(digitsForSpokenNumbers(words)).map((word) => (word === 'n' ? 'and' : word));
  return askedInside(stripCourtesy(withoutMind(joined)));
}
