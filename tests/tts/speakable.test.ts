import { describe, expect, it } from 'vitest';
import { toSpeakable } from '../../voice/speakable.js';

describe('toSpeakable', () => {
  it.each([
    ['CPU is at **12%**.', 'CPU is at 12 percent.'],
    ['Memory: 4.1 GB of 16 GiB used.', 'Memory: 4.1 gigabytes of 16 gibibytes used.'],
    ['plex-server uses 512 MiB', 'plex server uses 512 mebibytes'],
    ['The CPU is 61°C.', 'The CPU is 61 degrees.'],
    ['Ping took 23 ms', 'Ping took 23 milliseconds'],
    ['/data is 80% full.', 'slash data is 80 percent full.'],
    ['Mounted at /mnt/media-disk.', 'Mounted at slash mnt slash media disk.'],
    ['nas is at 192.168.1.10', 'nas is at 192 dot 168 dot 1 dot 10'],
    ['home_assistant is `healthy`.', 'home assistant is healthy.'],
    ['See [the docs](https://example.com/x).', 'See the docs.'],
    ['# Status\n- plex: up\n- jellyfin: down', 'Status. plex: up. jellyfin: down.'],
    ['Load average is 1.25, uptime 3 days.', 'Load average is 1.25, uptime 3 days.'],
  ])('%j -> %j', (input, expected) => {
    expect(toSpeakable(input)).toBe(expected);
  });

  it('keeps numbers as digits', () => {
    expect(toSpeakable('42 containers, 3 stopped')).toBe('42 containers, 3 stopped');
  });
});
