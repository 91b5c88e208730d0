/**
 * The router's second tier (src/router/guess.ts) on the real areas' words: what it guesses from sloppy
 * phrasings, that open questions never score above the threshold, that it never guesses a yes or a no,
 * and whether a name was said exactly. guess() is called directly, so these hold however the templates grow.
 */
import { describe, expect, it } from 'vitest';
import { guessThreshold } from '../../src/router/guess.js';
import { testRouter } from '../helpers/router-areas.js';
import { testVocabulary } from './vocabulary.js';

const router = testRouter();
const guess = (text: string) => router.guess(text, testVocabulary);

/** Sloppy phrasings, typed and said the way people do, with the intent each asks for. */
const sloppy: readonly (readonly [string, string])[] = [
  ['gimme the ram rn', 'memory'],
  ['ram situation', 'memory'],
  ['okay um hows the memory looking', 'memory'],
  ['mem usage pls', 'memory'],
  ['cpu usage rn?', 'cpu'],
  ['yo processor stats', 'cpu'],
  ['is the disk over 80 percent', 'disk'],
  ['how much storage do i got', 'disk'],
  ['storage rn', 'disk'],
  ['/data?', 'disk'],
  ['how long you been up', 'uptime'],
  ['uptime pls', 'uptime'],
  ['load avg rn', 'load'],
  ['cpu temp rn', 'temperature'],
  ['how hot we running', 'temperature'],
  ['plex logs pls', 'container_logs'],
  ['gimme pihole logs', 'container_logs'],
  ['is plex ok rn', 'container_status'],
  ['plex?', 'container_status'],
  ['nextcloud status rn', 'container_status'],
  ['any containers crashed rn', 'unhealthy_containers'],
  ['stopped containers?', 'unhealthy_containers'],
  ['docker ps pls', 'list_containers'],
  ['any alerts rn', 'alerts'],
  ['sitrep pls', 'status'],
  ['whats eating the ram rn', 'top_memory'],
  ['can u bounce plex rn', 'container_restart'],
];

/** Open questions that name a figure or a container: the brain's, never answered from a guess. */
const openQuestions = [
  'why is plex slow',
  'compare the cpu to yesterday',
  'write a poem about memory',
  'why is the disk so full',
  'should i buy more ram',
  'how do i free up disk space',
  'how much memory does plex use',
  'what is wrong with plex',
  'is it safe to restart the db',
  'how can i lower the cpu usage of plex',
  'cpu and memory please',
  'what was the cpu usage at midnight',
  'reboot the server',
  'restart all containers',
  'what is docker',
  'is the processor busy at all today',
  'free some disk space',
  'update all the containers',
  'restart plex and nextcloud',
  'back up nextcloud now',
  'tell me about the cpu',
  'what does home assistant do',
  'what is load average',
  'is 80 degrees too hot for a cpu',
  'is memory usage under 50 percent good',
];

describe('the keyword guess', () => {
  it('reads sloppy phrasings as their intent, above the threshold, and never reads one as another', () => {
    const results = sloppy.map(([text, intent]) => ({ text, intent, got: guess(text) }));
    const confident = results.filter((result) => result.got?.tier === 'guess-confident');
    const wrong = confident.filter((result) => result.got!.intent !== result.intent);
    const rate = confident.length - wrong.length;
    console.log(`keyword guess: ${rate} of ${sloppy.length} sloppy phrasings answered right above the threshold`);
    expect(wrong.map((result) => `${result.text} -> ${result.got!.intent}`)).toEqual([]);
    expect(rate / sloppy.length).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps every open question under the threshold', () => {
    const above = openQuestions
      .map((text) => ({ text, got: guess(text) }))
      .filter(({ got }) => got !== null && got.confidence >= guessThreshold);
    expect(above.map(({ text, got }) => `${text} -> ${got!.intent} ${got!.confidence}`)).toEqual([]);
  });

  it('keeps a best guess under the threshold for when the model cannot answer', () => {
    const why = guess('why is the disk so full');
    expect(why).toMatchObject({ intent: 'disk', tier: 'guess-fallback', topic: 'the disk' });
    const slow = guess('why is plex slow');
    expect(slow).toMatchObject({ intent: 'container_status', tier: 'guess-fallback' });
    expect(slow!.topic).toBe('the status of plex-server');
  });

  it('has no guess for a question without any of its words', () => {
    expect(guess('tell me a joke')).toBeNull();
    expect(guess("what's the weather like")).toBeNull();
    expect(guess('what is the meaning of life')).toBeNull();
  });

  it('never guesses a yes or a no, however the words lean', () => {
    for (const text of [
      'yes',
      'okay do it',
      'yep go ahead',
      'alright do it',
      'no',
      'nope cancel that',
      'yes and also check the disk',
    ]) {
      const got = guess(text);
      expect(['confirm', 'deny']).not.toContain(got?.intent);
      expect(got === null || got.confidence < guessThreshold, `${text} -> ${got?.intent}`).toBe(true);
    }
  });

  it('reads a filler and a command as the command, never as a yes', () => {
    expect(guess('okay um restart plex')).toMatchObject({ intent: 'container_restart', target: { exact: false } });
  });

  it('says whether the target was said as the vocabulary spells it', () => {
    expect(guess('can u bounce plex rn')?.target).toEqual({ slot: 'container', value: 'plex-server', exact: false });
    expect(guess('plex-server needs a restart')).toMatchObject({
      intent: 'container_restart',
      target: { slot: 'container', value: 'plex-server', exact: true },
    });
  });

  it('names what it understood, with the slot it found', () => {
    expect(guess('gimme pihole logs')?.topic).toBe('the logs of pihole');
    expect(guess('/data?')).toMatchObject({ slots: { mount: '/data' }, topic: 'the disk /data' });
    expect(guess('storage rn')?.topic).toBe('the disk');
    expect(guess('whats eating the ram rn')?.slots).toMatchObject({ metric: 'memory' });
  });
});
