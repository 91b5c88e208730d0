/** What `sysvox doctor` shows for Discord voice, from @discordjs/voice's own dependency report. */
import { describe, expect, it } from 'vitest';
import { discordVoiceProbes } from '../../channels/discord/voice/voice-doctor.js';

describe('discord voice doctor', () => {
  it('reads the installed libraries from the real dependency report', () => {
    const [libraries] = discordVoiceProbes();
    expect(libraries).toMatchObject({
      status: 'ok',
      detail: expect.stringMatching(/Opus: opusscript; DAVE: @snazzah\/davey; @discordjs\/voice 0\.19/),
    });
  });

  it('fails with what is missing when the report lacks an Opus codec and DAVE', () => {
    const report = [
      'Opus Libraries',
      '- @discordjs/opus: not found',
      '- opusscript: not found',
      'Encryption Libraries',
      '- native crypto support for aes-256-gcm: yes',
      'DAVE Libraries',
      '- @snazzah/davey: not found',
    ].join('\n');
    const [libraries] = discordVoiceProbes(undefined, report);
    expect(libraries?.status).toBe('fail');
    expect(libraries?.detail).toMatch(/an Opus codec.*@snazzah\/davey/);
  });

  it('says why voice is down', () => {
    const probes = discordVoiceProbes({ status: 'failed', detail: 'voice is down: connection lost (close code 4014)' });
    expect(probes[1]).toMatchObject({ name: 'discord voice', status: 'fail', detail: expect.stringMatching(/4014/) });
  });
});
