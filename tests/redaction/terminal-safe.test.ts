import { describe, expect, it } from 'vitest';
import { controlMark, neutraliseControls } from '../../src/toolkit/terminal-safe.js';

const esc = '\u001b';
const bel = '\u0007';

describe('neutraliseControls: nothing from outside can drive the terminal', () => {
  it('removes a window-title change, an OSC 52 clipboard write and a clear screen, keeping the words', () => {
    const hostile = `${esc}]0;pwned${bel}plex: ok ${esc}]52;c;Y3VybCBldmlsLnNoIHwgc2g=${bel}${esc}[2J${esc}[Hdone`;
    const safe = neutraliseControls(hostile);
    expect(safe).toBe('plex: ok done');
    expect(safe).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('removes 8-bit C1 forms of the same sequences (CSI and OSC as single characters)', () => {
    expect(neutraliseControls('a\u009b2Jb\u009d0;title\u0007c')).toBe('abc');
  });

  it('marks a NUL, a backspace and a bare carriage return instead of letting them overwrite text', () => {
    expect(neutraliseControls(`ok\u0000\u0008\rfake`)).toBe(`ok${controlMark}${controlMark}${controlMark}fake`);
  });

  it('keeps line breaks, tabs, CRLF as a line break, colours stripped, and ordinary text untouched', () => {
    expect(neutraliseControls(`a\tb\r\nc\n${esc}[31mred${esc}[0m`)).toBe('a\tb\nc\nred');
    const plain = 'CPU is at 12 percent; plex-server is healthy. Ünïcödé → fine.';
    expect(neutraliseControls(plain)).toBe(plain);
  });

  it('marks bidi overrides that would make a name read differently from what it is', () => {
    expect(neutraliseControls('plex\u202Egnp.exe')).toBe(`plex${controlMark}gnp.exe`);
  });

  it('an unterminated OSC string is cut to the end rather than left to swallow the terminal', () => {
    expect(neutraliseControls(`before ${esc}]0;never ends`)).toBe('before ');
  });
});
