/**
 * What `sysvox doctor` prints for Discord voice: @discordjs/voice's own dependency report, read for
 * the three things a call needs (an Opus codec, aes-256-gcm or a sodium library, DAVE), and the voice
 * side's health (connected where, or why voice is down).
 */
import { describeError } from '../../../src/errors.js';
import type { ChannelHealth } from '../../../src/core/channel.js';
import type { EngineProbe } from '../../../src/probe.js';

export async function discordVoiceProbes(health?: ChannelHealth, givenReport?: string): Promise<EngineProbe[]> {
  let report = givenReport;
  try {
    report ??= (await import('@discordjs/voice')).generateDependencyReport();
  } catch (error) {
    return [
      {
        name: 'discord voice libraries',
        status: 'fail',
        detail: `@discordjs/voice did not load: ${describeError(error)}`,
        fix: 'reinstall sysvox (npm ci) so its dependencies are present',
      },
    ];
  }
  return readReport(report, health);
}

function readReport(report: string, health: ChannelHealth | undefined): EngineProbe[] {
  const found = (library: string) => new RegExp(`- ${library}: (?!not found)`, 'm').test(report);
  const opus = ['@discordjs/opus', 'opusscript'].filter(found);
  const encryption = /aes-256-gcm: yes/.test(report) || ['sodium-native', 'sodium', 'libsodium-wrappers'].some(found);
  const dave = found('@snazzah/davey');
  const missing = [
    opus.length === 0 && 'an Opus codec (opusscript or @discordjs/opus)',
    !encryption && 'aes-256-gcm in Node crypto or a sodium library',
    !dave && '@snazzah/davey (Discord refuses voice without DAVE end-to-end encryption)',
  ].filter((item): item is string => typeof item === 'string');
  const probes: EngineProbe[] = [
    {
      name: 'discord voice libraries',
      status: missing.length === 0 ? 'ok' : 'fail',
      detail:
        missing.length === 0
          ? `Opus: ${opus.join(', ')}; DAVE: @snazzah/davey; ${summary(report)}`
          : `missing ${missing.join('; ')}`,
      fix: missing.length === 0 ? undefined : 'reinstall sysvox (npm ci) so its dependencies are present',
    },
  ];
  if (health)
    probes.push({
      name: 'discord voice',
      status:
        health.status === 'failed' ? 'fail' : health.status === 'running' || health.status === 'idle' ? 'ok' : 'warn',
      detail: health.detail,
      fix: health.status === 'failed' ? 'check the bot may Connect and Speak in that channel, then /join' : undefined,
    });
  return probes;
}

/** The report's version lines, one line: "@discordjs/voice 0.19.2, prism-media 1.3.5". */
function summary(report: string): string {
  const versions = [...report.matchAll(/^- (@discordjs\/voice|prism-media): (\S+)/gm)].map(
    (match) => `${match[1]} ${match[2]}`,
  );
  return versions.join(', ');
}
