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
  // The reason of the rule that got furthest: "restart" with a bad unit says what is wrong with the unit.
  let best = { reason: '', progress: -1 };
  for (const rule of candidates) {
    const verdict = checkAgainst(rule, rest);
    if (verdict === null) return { ok: true, rule };
    if (verdict.progress > best.progress) best = verdict;
  }
  const reason =
    best.progress === 0 && rest[0] !== undefined
      ? `"${printable(rest[0])}" is not a ${program} command sysvox runs`
      : best.reason;
  return { ok: false, reason: `${program}: ${reason}` };
}

interface Refusal {
  reason: string;
  /** How many arguments fitted before the refusal (the words count double, so a matching subcommand wins). */
  progress: number;
}

/** Null when the arguments fit the rule, else why not. */
function checkAgainst(rule: CommandRule, args: readonly string[]): Refusal | null {
  const reason = refusalOf(rule, args);
  if (reason === null) return null;
  return {
    reason: reason.reason,
    progress: reason.at + (rule.words.length > 0 && reason.at >= rule.words.length ? rule.words.length : 0),
  };
}

function refusalOf(rule: CommandRule, args: readonly string[]): { reason: string; at: number } | null {
  for (const [index, word] of rule.words.entries()) {
    if (args[index] !== word) return { reason: `expected "${word}" at argument ${index + 1}`, at: 0 };
  }
  const options = rule.options ?? {};
  let operands = 0;
  const tail = args.slice(rule.words.length);
  for (let index = 0; index < tail.length; index += 1) {
    const argument = tail[index]!;
    const at = rule.words.length + index + 1;
    if (argument.startsWith('-')) {
      const consumed = checkOption(options, argument, tail[index + 1]);
      if (typeof consumed === 'string') return { reason: consumed, at };
      index += consumed;
      continue;
    }
    if (!rule.operands) return { reason: `takes no argument like "${printable(argument)}"`, at };
    const problem = checkArgument(rule.operands.kind, argument);
    if (problem) return { reason: problem, at: at + 1 };
    operands += 1;
  }
  const wanted = rule.operands ?? { min: 0, max: 0 };
  const end = args.length + 1;
  if (operands < wanted.min)
    return { reason: `needs ${wanted.min} more argument${wanted.min === 1 ? '' : 's'}`, at: end };
  if (operands > wanted.max)
    return { reason: `takes at most ${wanted.max} argument${wanted.max === 1 ? '' : 's'}`, at: end };
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
