/** Download progress as a person sees it: a bar redrawn in place on a terminal, plain lines in a log. */
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../models/progress.js';

function record(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 100, write: (text: string) => writes.push(text) } };
}

describe('download progress', () => {
  it('writes one plain line per 10% to a log, and says when it resumes', () => {
    const { writes, stream } = record(false);
    const progress = createProgress(stream);
    progress.start('whisper-base.en', 1_000_000, 250_000);
    for (let step = 0; step < 75; step += 1) progress.advance(10_000);
    progress.finish();
    expect(writes).toEqual([
      'whisper-base.en: resuming at 0.3 of 1.0 MB\n',
      'whisper-base.en: 30% (0.3 of 1.0 MB)\n',
      'whisper-base.en: 40% (0.4 of 1.0 MB)\n',
      'whisper-base.en: 50% (0.5 of 1.0 MB)\n',
      'whisper-base.en: 60% (0.6 of 1.0 MB)\n',
      'whisper-base.en: 70% (0.7 of 1.0 MB)\n',
      'whisper-base.en: 80% (0.8 of 1.0 MB)\n',
      'whisper-base.en: 90% (0.9 of 1.0 MB)\n',
      'whisper-base.en: 100% (1.0 of 1.0 MB)\n',
    ]);
    expect(writes.some((text) => text.includes('\r'))).toBe(false);
  });

  it('redraws one bar in place on a terminal', () => {
    const { writes, stream } = record(true);
    const progress = createProgress(stream);
    progress.start('en_US-lessac-medium', 200, 0);
    progress.advance(100);
    progress.advance(100);
    progress.finish();
    expect(writes.every((text) => text.startsWith('\r') || text === '\n')).toBe(true);
    expect(writes.at(-2)).toMatch(/^\ren_US-lessac-medium \[#+\] 100% 0\.0\/0\.0 MB$/);
    expect(writes.at(-1)).toBe('\n');
  });
});
