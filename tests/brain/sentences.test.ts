import { describe, expect, it } from 'vitest';
import { createSentenceSplitter } from '../../src/core/sentences.js';

/** Feeds text in small uneven pieces, like a model stream, and returns every sentence in order. */
function split(text: string, pieceSize = 3): string[] {
  const splitter = createSentenceSplitter();
  const sentences: string[] = [];
  for (let index = 0; index < text.length; index += pieceSize) {
    sentences.push(...splitter.push(text.slice(index, index + pieceSize)));
  }
  return [...sentences, ...splitter.flush()];
}

describe('sentence splitter', () => {
  it('returns a sentence as soon as it ends, before the stream is over', () => {
    const splitter = createSentenceSplitter();
    expect(splitter.push('CPU is at 12 percent.')).toEqual([]);
    expect(splitter.push(' Memory')).toEqual(['CPU is at 12 percent.']);
    expect(splitter.push(' is fine! Anything')).toEqual(['Memory is fine!']);
    expect(splitter.flush()).toEqual(['Anything']);
  });

  it.each([
    ['CPU load is 3.5 percent. Disk is fine.', ['CPU load is 3.5 percent.', 'Disk is fine.']],
    ['Plex runs version 1.40.2.8395 now. Good.', ['Plex runs version 1.40.2.8395 now.', 'Good.']],
    ['The NAS at 192.168.1.10 is up. It answered.', ['The NAS at 192.168.1.10 is up.', 'It answered.']],
    ['Container web.proxy.local restarted. Done.', ['Container web.proxy.local restarted.', 'Done.']],
    ['Some apps, e.g. plex, use the GPU. Others do not.', ['Some apps, e.g. plex, use the GPU.', 'Others do not.']],
    ['That is, i.e. the disk, full. Fix it.', ['That is, i.e. the disk, full.', 'Fix it.']],
    ['Docker vs. Podman is a choice. Pick one.', ['Docker vs. Podman is a choice.', 'Pick one.']],
    ['Ask Mr. Smith. He knows.', ['Ask Mr. Smith.', 'He knows.']],
    ['Is it up? Yes! It is.', ['Is it up?', 'Yes!', 'It is.']],
    ['No. All five containers are running.', ['No.', 'All five containers are running.']],
    ['He said "stop." Then left.', ['He said "stop."', 'Then left.']],
  ])('splits %j correctly', (text, expected) => {
    expect(split(text)).toEqual(expected);
    expect(split(text, 1)).toEqual(expected);
  });

  it('splits on newlines and paragraphs and strips markdown bullets', () => {
    const text =
      'Three containers are unhealthy:\n\n- plex\n* sonarr\n1. radarr is restarting\n2) **db** is `exited`\n## Summary\nAll else is fine';
    expect(split(text)).toEqual([
      'Three containers are unhealthy:',
      'plex',
      'sonarr',
      'radarr is restarting',
      'db is exited',
      'Summary',
      'All else is fine',
    ]);
  });

  it('keeps a negative number at the start of a line', () => {
    expect(split('-5 degrees outside.\nCold.')).toEqual(['-5 degrees outside.', 'Cold.']);
  });

  it('drops pieces with nothing to say', () => {
    expect(split('  \n\n - \n...\n')).toEqual([]);
  });
});
