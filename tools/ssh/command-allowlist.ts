/**
 * checkHostCommand: whether an argv list is one the built-in allowlist (command-rules.ts) allows, run
 * before every command on every host, this machine included. A refusal names the first argument that
 * did not fit, in words a person can read.
 */
import { checkArgument, printable, type ArgumentKind } from './argument-kinds.js';
import { commandRules, type CommandRule } from './command-rules.js';

export type CommandCheck = { ok: true; rule: CommandRule } | { ok: false; reason: string };

/** The allowlist's verdict on argv (program first). */
export function checkHostCommand(argv: readonly string[]): CommandCheck {
  const [program, ...rest] = argv;
  if (program === undefined) return { ok: false, reason: 'no program was given' };
  const candidates = commandRules.filter((rule) => rule.program === program);
  if (candidates.length === 0) return { ok: false, reason: `${printable(program)} is not a program sysvox runs` };
  let firstReason = '';
  for (const rule of candidates) {
    const reason = checkAgainst(rule, rest);
    if (reason === null) return { ok: true, rule };
    firstReason ||= reason;
  }
  return { ok: false, reason: `${program}: ${firstReason}` };
}

/** Null when the arguments fit the rule, else why not. */
function checkAgainst(rule: CommandRule, args: readonly string[]): string | null {
  for (const [index, word] of rule.words.entries()) {
    if (args[index] !== word) return `expected "${word}" at argument ${index + 1}`;
  }
  const options = rule.options ?? {};
  let operands = 0;
  const tail = args.slice(rule.words.length);
  for (let index = 0; index < tail.length; index += 1) {
    const argument = tail[index]!;
    if (argument.startsWith('-')) {
      const consumed = checkOption(options, argument, tail[index + 1]);
      if (typeof consumed === 'string') return consumed;
      index += consumed;
      continue;
    }
    if (!rule.operands) return `takes no argument like "${printable(argument)}"`;
    const problem = checkArgument(rule.operands.kind, argument);
    if (problem) return problem;
    operands += 1;
  }
  const wanted = rule.operands ?? { min: 0, max: 0 };
  if (operands < wanted.min) return `needs ${wanted.min} more argument${wanted.min === 1 ? '' : 's'}`;
  if (operands > wanted.max) return `takes at most ${wanted.max} arguments`;
  return null;
}

/** How many following arguments the option used (0 or 1), or why it is refused. */
function checkOption(
  options: Record<string, ArgumentKind | null>,
  argument: string,
  next: string | undefined,
): number | string {
  const equals = argument.indexOf('=');
  const name = equals > 0 ? argument.slice(0, equals) : argument;
  if (!(name in options)) return `the option "${printable(name)}" is not allowed`;
  const kind = options[name];
  if (kind === null || kind === undefined) {
    return equals > 0 ? `the option "${printable(name)}" takes no value` : 0;
  }
  const value = equals > 0 ? argument.slice(equals + 1) : next;
  if (value === undefined) return `the option "${printable(name)}" needs a value`;
  const problem = checkArgument(kind, value);
  if (problem) return problem;
  return equals > 0 ? 0 : 1;
}
