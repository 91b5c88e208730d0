import { describe, expect, it } from 'vitest';
import { speakableName } from '../../tools/docker/docker-errors.js';
import { boundLogs, demultiplexLogs } from '../../tools/docker/log-demux.js';
import { matchContainerName } from '../../tools/docker/name-match.js';

const names = [
  'plex-server',
  'homeassistant',
  'web-healthy',
  'db-unhealthy',
  'sonarr',
  'radarr',
  'Jellyfin',
  'nginx-proxy',
  'nginx-internal',
];

describe('matchContainerName', () => {
  it.each([
    ['plex-server', 'plex-server'],
    ['jellyfin', 'Jellyfin'],
    ['plex', 'plex-server'],
    ['Plex Server', 'plex-server'],
    ['plex_server', 'plex-server'],
    ['home assistant', 'homeassistant'],
    ['Home-Assistant', 'homeassistant'],
    ['db unhealthy', 'db-unhealthy'],
    ['unhealthy', 'db-unhealthy'],
    ['  sonarr ', 'sonarr'],
    ['nginx proxy', 'nginx-proxy'],
  ])('%s finds %s', (query, expected) => {
    expect(matchContainerName(query, names)).toEqual({ name: expected });
  });

  it('finds home-assistant from the spoken form too', () => {
    expect(matchContainerName('home assistant', ['home-assistant', 'mqtt'])).toEqual({ name: 'home-assistant' });
  });

  it('prefers the exact name over a longer one that starts with it', () => {
    expect(matchContainerName('plex', ['plex', 'plex-server'])).toEqual({ name: 'plex' });
  });

  it('is ambiguous when two names match equally', () => {
    expect(matchContainerName('nginx', names)).toEqual({ ambiguous: ['nginx-internal', 'nginx-proxy'] });
    expect(matchContainerName('arr', names)).toEqual({ ambiguous: ['radarr', 'sonarr'] });
  });

  it('finds nothing for unrelated, empty or hostile queries', () => {
    expect(matchContainerName('postgres', names)).toEqual({ none: true });
    expect(matchContainerName('', names)).toEqual({ none: true });
    expect(matchContainerName(' - _ ', names)).toEqual({ none: true });
    expect(matchContainerName(`x'"\n`.repeat(1000), names)).toEqual({ none: true });
    expect(matchContainerName('plex', [])).toEqual({ none: true });
  });
});

describe('speakableName', () => {
  it('drops control characters and cuts long names', () => {
    expect(speakableName('evil\n"name"\u0007')).toBe('evil "name"');
    expect(speakableName('x'.repeat(500))).toHaveLength(64);
  });
});

function frame(type: number, text: string): Buffer {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = type;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

describe('demultiplexLogs and boundLogs', () => {
  it('separates stdout and stderr frames, even when a line spans frames', () => {
    const buffer = Buffer.concat([frame(1, 'one\ntw'), frame(2, 'oops\n'), frame(1, 'o\n')]);
    expect(demultiplexLogs(buffer, false)).toEqual({ stdout: ['one', 'two'], stderr: ['oops'] });
  });

  it('treats a TTY log as plain stdout', () => {
    expect(demultiplexLogs(Buffer.from('a\r\nb\r\n'), true)).toEqual({ stdout: ['a', 'b'], stderr: [] });
  });

  it('keeps the newest lines within the byte budget', () => {
    const bounded = boundLogs({ stdout: ['aaaa', 'bbbb', 'cccc'], stderr: ['dddd'] }, 10);
    expect(bounded).toEqual({ stdout: ['cccc'], stderr: ['dddd'], truncated: true });
    const oneHugeLine = boundLogs({ stdout: ['x'.repeat(1000)], stderr: [] }, 100);
    expect(Buffer.byteLength(oneHugeLine.stdout[0] ?? '') + 1).toBeLessThanOrEqual(100);
    expect(oneHugeLine.truncated).toBe(true);
  });
});
