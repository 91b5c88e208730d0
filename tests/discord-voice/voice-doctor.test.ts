/** What `sysvox doctor` shows for Discord voice, from @discordjs/voice's own dependency report. */
import { describe, expect, it } from 'vitest';
import { unavailableVoice } from '../../channels/discord/voice/load-discord-voice.js';
import { discordVoiceProbes } from '../../channels/discord/voice/voice-doctor.js';

describe('discord voice doctor', async () => {
  it('reads the installed libraries from the real dependency report', async () => {
    const [libraries] = await discordVoiceProbes();
    expect(libraries).toMatchObject({
      status: 'ok',
      detail: expect.stringMatching(/Opus: opusscript; DAVE: @snazzah\/davey; @discordjs\/voice 0\.19/),
    });
  });

  it('fails with what is missing when the report lacks an Opus codec and DAVE', async () => {
    const report = [
      'Opus Libraries',
      '- @discordjs/opus: not found',
      '- opusscript: not found',
      'Encryption Libraries',
      '- native crypto support for aes-256-gcm: yes',
      'DAVE Libraries',
      '- @snazzah/davey: not found',
    ].join('\n');
    const [libraries] = await discordVoiceProbes(undefined, report);
    expect(libraries?.status).toBe('fail');
    expect(libraries?.detail).toMatch(/an Opus codec.*@snazzah\/davey/);
  });

  it('says why voice is down', async () => {
    const probes = await discordVoiceProbes({
      status: 'failed',
      detail: 'voice is down: connection lost (close code 4014)',
    });
    expect(probes[1]).toMatchObject({ name: 'discord voice', status: 'fail', detail: expect.stringMatching(/4014/) });
  });

  it('a voice side that could not load refuses join with the reason, and health says it', async () => {
    const voice = unavailableVoice('Discord voice is unavailable: @discordjs/voice did not load (no davey binary)');
    await expect(voice.join({ guildId: '1', channelId: '2' })).rejects.toThrow(/no davey binary/);
    expect(voice.health()).toMatchObject({ status: 'failed', detail: expect.stringMatching(/did not load/) });
    expect((await discordVoiceProbes(voice.health()))[1]).toMatchObject({ status: 'fail' });
  });
});
