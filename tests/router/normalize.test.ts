/**
 * What the templates see of a typed or transcribed utterance: the words a person adds around a request
 * (filler, politeness, "rn", "gimme"), contractions, "CPU's", numbers as words and punctuation.
 */
import { describe, expect, it } from 'vitest';
import { normalizeUtterance } from '../../src/router/normalize.js';

const cases: [said: string, tokens: string][] = [
  ['okay um restart plex', 'restart plex'],
  ['Alright, so, restart the web container.', 'restart the web container'],
  ['ok', 'ok'],
  ['okay do it', 'do it'],
  ['please do', 'do it'],
  ['yes, restart plex', 'yes restart plex'],
  ['cpu usage rn', 'cpu usage'],
  ['gimme the plex logs', 'the plex logs'],
  ['lemme see the logs', 'the logs'],
  ["what's the CPU's usage?", 'what is the cpu usage'],
  ['whats the current cpu usage', 'what is the cpu usage'],
  ["how long's the box been up", 'how long the box been up'],
  ["let's restart plex", 'restart plex'],
  ['is the cpu over eighty five percent', 'is the cpu over 85 percent'],
  ['is the ram above 75%', 'is the ram above 75 percent'],
  ['hey jarvis, could you please check the disk real quick, thanks!', 'check the disk'],
  ['yo can i get the memory usage pls', 'the memory usage'],
  ['i want you to restart plex', 'restart plex'],
  ['is plex running or not', 'is plex running'],
  ['how full is /mnt/tank?', 'how full is /mnt/tank'],
  ['is pi-hole up', 'is pi-hole up'],
  ['c p u load', 'cpu load'],
  ['actually no', 'no'],
  ['Can you tell me if Plex is up?', 'is plex up'],
  ['check whether the db is still running', 'is the db still running'],
  ['see if there is space left on /data', 'is there space left on /data'],
  ['see if you can fix nextcloud', 'see if you can fix nextcloud'],
  ['would you mind checking the disk space', 'check the disk space'],
  ['can u restart plex', 'restart plex'],
  ['cpu n ram?', 'cpu and ram'],
  ['cpu & ram', 'cpu and ram'],
  ['n g i n x status', 'nginx status'],
];

describe('normalizeUtterance', () => {
  it.each(cases)('"%s" -> "%s"', (said, tokens) => {
    expect(normalizeUtterance(said).join(' ')).toBe(tokens);
  });
});
