import { expect, it } from 'vitest';
import { guardLibraryConsole } from '../../src/app/library-console.js';

it("a library's console line with terminal escapes is printed neutralised, once guarded (even if guarded twice)", () => {
  const printed: unknown[][] = [];
  const fakeConsole = {
    log: (...args: unknown[]) => printed.push(args),
    info: (...args: unknown[]) => printed.push(args),
    warn: (...args: unknown[]) => printed.push(args),
    error: (...args: unknown[]) => printed.push(args),
    debug: (...args: unknown[]) => printed.push(args),
  };
  guardLibraryConsole(fakeConsole);
  guardLibraryConsole(fakeConsole);
  fakeConsole.warn('invalid json: ', '\u0000\u001b]0;pwned\u0007{"x"\u001b]52;c;ZXZpbA==\u0007', 42);
  expect(printed).toEqual([['invalid json: ', '\uFFFD{"x"', 42]]);
});
