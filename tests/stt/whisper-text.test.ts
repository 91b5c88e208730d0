import { describe, expect, it } from 'vitest';
import { normalizeUtterance } from '../../src/router/normalize.js';
import { normaliseWhisperText } from '../../voice/stt/whisper-text.js';
import { testRouter } from '../helpers/router-areas.js';

const vocabulary = {
  container: ['homeassistant', 'jellyfin', 'plex-server', 'db-unhealthy'],
  mount: ['/', '/data'],
  host: [],
};
const router = testRouter();

describe('whisper transcripts, normalised before the router', () => {
  it.each([
    ['What is the CPU usage?', 'what is the cpu usage'],
    ['Is the CPU over 20%?', 'is the cpu over 20 percent'],
    ['Is the disk over 1,000 gigabytes…', 'is the disk over 1000 gigabytes'],
    ['What’s the C.P.U.’s temperature?', "what's the cpu's temperature"],
    ['Restart Home Assistant.', 'restart homeassistant'],
    ['Is Jelly fin running?', 'is jellyfin running'],
    ['Show the logs of plexserver, please.', 'show the logs of plex-server please'],
    ['Is the data disk full?', 'is the data disk full'],
    ['Is plex-server healthy?', 'is plex-server healthy'],
  ])('"%s" -> "%s"', (whisper, expected) => {
    expect(normaliseWhisperText(whisper, vocabulary)).toBe(expected);
  });

  it.each([
    ['Restart Home Assistant.', 'container_restart', 'homeassistant'],
    ['Is Jelly Fin running?', 'container_status', 'jellyfin'],
    ["What's the CPU's temperature?", 'temperature', undefined],
    ['Show me the DB unhealthy logs.', 'container_logs', 'db-unhealthy'],
  ])('the router reads whisper\'s "%s" as %s', (whisper, intent, container) => {
    const match = router.match(normaliseWhisperText(whisper, vocabulary), vocabulary);
    expect(match?.intent).toBe(intent);
    if (container) expect(match?.slots.container).toBe(container);
  });

  it('gives "20%" and "twenty percent" the same words once the router has normalised them', () => {
    const said = normalizeUtterance(normaliseWhisperText('Is the CPU over twenty percent?', vocabulary));
    expect(normalizeUtterance(normaliseWhisperText('Is the CPU over 20%?', vocabulary))).toEqual(said);
    expect(said).toEqual(['is', 'the', 'cpu', 'over', '20', 'percent']);
  });

  it('keeps a transcript without vocabulary as plain words', () => {
    expect(normaliseWhisperText('  Uptime?  ')).toBe('uptime');
    expect(normaliseWhisperText('')).toBe('');
  });
});
