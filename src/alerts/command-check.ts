/**
 * Custom command checks from config.alerts.commands: each runs its program on its own schedule (no shell,
 * arguments as a list, a timeout), and passes when the exit code is one of okExitCodes and, when
 * outputMatches is set, the output matches it. A program that cannot run at all fires too, saying why: the
 * person configured the check to be told when something is wrong, and a check that silently stopped
 * checking is exactly that (a log line alone would go unread).
 */
import type { CommandCheckConfig } from '../config/alerts-schema.js';
import type { Logger } from '../log.js';
import { spokenDuration, spokenNumber } from '../router/speech-format.js';
import type { AlertCheck, CheckRun, Observation } from '../toolkit/check.js';
import { localHost } from '../toolkit/host-input.js';
import { checkEnvironment, type ProgramResult, runProgram } from './run-program.js';
import { inertLine } from './untrusted-text.js';

export interface CommandChecksOptions {
  log: Logger;
  /** The environment the check programs' few variables come from (run-program.ts); default process.env. */
  env?: NodeJS.ProcessEnv;
}

/** "30 seconds", "0.5 seconds", "2 minutes". */
function spokenTimeout(ms: number): string {
  if (ms >= 60_000) return spokenDuration(ms / 1000);
  const seconds = spokenNumber(ms / 1000);
  return `${seconds} ${seconds === '1' ? 'second' : 'seconds'}`;
}

/** Why the program did not start, as the end of "... could not run: ". */
function notStartedReason(program: string, errorCode: string): string {
  if (errorCode === 'ENOENT')
    return program.includes('/') ? `${program} does not exist` : `${program} was not found on the PATH`;
  if (errorCode === 'EACCES' || errorCode === 'EPERM') return `${program} is not executable`;
  return `starting ${program} failed with ${errorCode}`;
}

/** What the check found: null when it passed, else the sentence saying what is wrong. */
function failure(check: CommandCheckConfig, pattern: RegExp | null, result: ProgramResult): string | null {
  const subject = check.description ?? `the ${check.name} check`;
  const program = inertLine(check.command[0]!, 80);
  if (result.kind === 'not-started') return `${subject} could not run: ${notStartedReason(program, result.errorCode)}`;
  if (result.kind === 'timed-out') return `${subject} did not finish within ${spokenTimeout(check.timeout)}`;
  const said = inertLine(result.output);
  const saying = said.length > 0 ? `; it said: ${said}` : '';
  if (result.code === null) return `${subject} was killed by ${result.signal ?? 'a signal'}${saying}`;
  if (!check.okExitCodes.includes(result.code)) return `${subject} failed with exit code ${result.code}${saying}`;
  if (pattern && !pattern.test(result.output)) return `${subject} did not print what was expected${saying}`;
  return null;
}

function commandCheck(check: CommandCheckConfig, options: CommandChecksOptions): AlertCheck {
  const rule = `command:${check.name}`;
  // Multiline: ^ and $ match at every line, as a person reading "^status: ok$" against output expects.
  const pattern = check.outputMatches === undefined ? null : new RegExp(check.outputMatches, 'm');
  const log = options.log.child('command-check');
  const subject = check.description ?? `the ${check.name} check`;
  return {
    name: rule,
    intervalMs: check.every,
    async run(signal): Promise<CheckRun> {
      const result = await runProgram({
        command: check.command,
        timeoutMs: check.timeout,
        signal,
        env: checkEnvironment(options.env),
      });
      if (result.kind === 'not-started')
        log.warn('command check could not start', { check: check.name, errorCode: result.errorCode });
      const wrong = failure(check, pattern, result);
      const observation: Observation = {
        rule,
        target: check.name,
        host: localHost,
        condition: wrong === null ? 'clear' : 'firing',
        severity: check.severity,
        summary: wrong ?? `${subject} passes`,
        recovery: `${subject} passes again`,
        ...(result.kind === 'exited' && result.code !== null ? { value: result.code } : {}),
        for: check.for,
      };
      return { observations: [observation], covers: [{ rule, host: localHost }] };
    },
  };
}

export function createCommandChecks(
  commands: readonly CommandCheckConfig[],
  options: CommandChecksOptions,
): AlertCheck[] {
  return commands.map((check) => commandCheck(check, options));
}
