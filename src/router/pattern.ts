/**
 * Compiles the template syntax (template-syntax.md) into a small tree:
 *   word             a literal, matched after normalisation
 *   (a | b c)        one of the alternatives
 *   [a b]            optional; tried present first
 *   {slot}           a slot: fact and query (the core's), or one an area declares (container, mount ...)
 *   <class>          a synonym class from the core or an area, itself written in this syntax
 */
export type PatternNode =
  | { kind: 'word'; word: string }
  | { kind: 'choice'; options: PatternNode[][]; optional: boolean }
  /** `slot` as the pattern writes it ("known-container"); the lexicon knows what it fills. */
  | { kind: 'slot'; slot: string };

/** The core's own slots: free text, no area needed. */
export const freeTextSlots: ReadonlySet<string> = new Set(['fact', 'query']);

export class PatternSyntaxError extends Error {
  constructor(pattern: string, problem: string) {
    super(`router pattern "${pattern}": ${problem}; see src/router/template-syntax.md`);
    this.name = 'PatternSyntaxError';
  }
}

function lex(pattern: string): string[] {
  return pattern.match(/\{[a-z-]+\}|<[a-z-]+>|[()[\]|]|[^\s()[\]|{}<>]+/g) ?? [];
}

interface ParseState {
  pattern: string;
  tokens: string[];
  position: number;
  classes: Readonly<Record<string, string>>;
  slots: ReadonlySet<string>;
  /** Class names being expanded, to refuse a class that refers to itself. */
  expanding: string[];
}

function parseAlternatives(state: ParseState): PatternNode[][] {
  const options: PatternNode[][] = [parseSequence(state)];
  while (state.tokens[state.position] === '|') {
    state.position += 1;
    options.push(parseSequence(state));
  }
  return options;
}

function parseSequence(state: ParseState): PatternNode[] {
  const nodes: PatternNode[] = [];
  for (;;) {
    const token = state.tokens[state.position];
    if (token === undefined || token === '|' || token === ')' || token === ']') return nodes;
    state.position += 1;
    if (token === '(' || token === '[') {
      const close = token === '(' ? ')' : ']';
      const options = parseAlternatives(state);
      if (state.tokens[state.position] !== close) throw new PatternSyntaxError(state.pattern, `missing '${close}'`);
      state.position += 1;
      nodes.push({ kind: 'choice', options, optional: token === '[' });
    } else if (token.startsWith('{')) {
      nodes.push(parseSlot(state, token.slice(1, -1)));
    } else if (token.startsWith('<')) {
      nodes.push(expandClass(state, token.slice(1, -1)));
    } else {
      if (!/^[a-z0-9/]+$/.test(token))
        throw new PatternSyntaxError(state.pattern, `'${token}' is not a normalised word`);
      nodes.push({ kind: 'word', word: token });
    }
  }
}

function parseSlot(state: ParseState, name: string): PatternNode {
  if (!state.slots.has(name)) throw new PatternSyntaxError(state.pattern, `unknown slot {${name}}`);
  return { kind: 'slot', slot: name };
}

function expandClass(state: ParseState, name: string): PatternNode {
  const body = state.classes[name];
  if (body === undefined) throw new PatternSyntaxError(state.pattern, `unknown class <${name}>`);
  if (state.expanding.includes(name)) throw new PatternSyntaxError(state.pattern, `class <${name}> refers to itself`);
  const inner: ParseState = {
    ...state,
    pattern: body,
    tokens: lex(body),
    position: 0,
    expanding: [...state.expanding, name],
  };
  const options = parseAlternatives(inner);
  if (inner.position !== inner.tokens.length) throw new PatternSyntaxError(body, 'unbalanced brackets');
  return { kind: 'choice', options, optional: false };
}

/**
 * Compiles one pattern; throws PatternSyntaxError naming the pattern when it is malformed or names a
 * class or slot that is not in `classes` / `slots` (by default only the core's free-text slots).
 */
export function compilePattern(
  pattern: string,
  classes: Readonly<Record<string, string>> = {},
  slots: ReadonlySet<string> = freeTextSlots,
): PatternNode[] {
  const state: ParseState = { pattern, tokens: lex(pattern), position: 0, classes, slots, expanding: [] };
  const options = parseAlternatives(state);
  if (state.position !== state.tokens.length) throw new PatternSyntaxError(pattern, 'unbalanced brackets');
  if (options.length === 1) return options[0]!;
  return [{ kind: 'choice', options, optional: false }];
}

/**
 * The words a match of this pattern can start with, or null when it can start with a slot (any word).
 * The router skips a pattern whose first word cannot be the utterance's: most of the 250 patterns fail
 * on the first token, and this keeps matching well under a millisecond.
 */
export function firstWords(nodes: readonly PatternNode[]): ReadonlySet<string> | null {
  const found = firstOf(nodes);
  return found === null ? null : found.words;
}

function firstOf(nodes: readonly PatternNode[]): { words: Set<string>; nullable: boolean } | null {
  const words = new Set<string>();
  for (const node of nodes) {
    if (node.kind === 'slot') return null;
    if (node.kind === 'word') {
      words.add(node.word);
      return { words, nullable: false };
    }
    let nullable = node.optional;
    for (const option of node.options) {
      const inner = firstOf(option);
      if (inner === null) return null;
      inner.words.forEach((word) => words.add(word));
      nullable ||= inner.nullable;
    }
    if (!nullable) return { words, nullable: false };
  }
  return { words, nullable: true };
}
