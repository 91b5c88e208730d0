/**
 * Some libraries write to the console themselves: the ollama client prints every stream line it cannot
 * parse ("invalid json: <the line>"), so a hostile or broken model could put a window-title change or a
 * clipboard write (OSC 52) on the operator's terminal. Every string a library hands the console is
 * neutralised first; sysvox's own output never goes through console.
 */
import { neutraliseControls } from '../toolkit/terminal-safe.js';

type ConsoleMethod = 'log' | 'info' | 'warn' | 'error' | 'debug';
const methods: ConsoleMethod[] = ['log', 'info', 'warn', 'error', 'debug'];
const guarded = new WeakSet<object>();

export function guardLibraryConsole(target: Pick<Console, ConsoleMethod> = console): void {
  if (guarded.has(target)) return;
  guarded.add(target);
  for (const method of methods) {
    const original = target[method].bind(target);
    target[method] = (...args: unknown[]) =>
      original(...args.map((arg) => (typeof arg === 'string' ? neutraliseControls(arg) : arg)));
  }
}
