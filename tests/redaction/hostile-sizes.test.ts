/**
 * Redaction runs on every log line, tool output and model argument: a hostile 100 KB string must not
 * stall the event loop (a key pattern scanned from every character was quadratic: 100 KB took two
 * minutes) nor overflow the stack ("a:a:a:..." recursed once per pair).
 */
import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/toolkit/redact.js';

describe('redaction of hostile sizes', () => {
  it.each([
    ['one 100 KB word', 'A'.repeat(100_000)],
    ['100 KB of -a-a-a', '-a'.repeat(50_000)],
    ['100 KB of nested pairs a:a:a', 'a:'.repeat(50_000)],
    ['100 KB of http://a', 'http://a'.repeat(12_500)],
    ['a JSON argument of 100 KB', JSON.stringify({ name: 'A'.repeat(100_000) })],
  ])('%s: redacted in well under a second, without throwing', (_label, text) => {
    const started = performance.now();
    expect(() => redactSecrets(text)).not.toThrow();
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('still masks a password inside deeply nested pairs', () => {
    const text = `${'level:'.repeat(40)}password=Hunter2-deep`;
    expect(redactSecrets(text)).not.toContain('Hunter2-deep');
  });

  it('keeps a deep pair without a secret readable', () => {
    const text = 'a:b:c:d:e:f:g:h:i:j:k:l:m:n:o:p=1';
    expect(redactSecrets(text)).toBe(text);
  });
});
