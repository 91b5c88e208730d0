import { accessSync, constants } from 'node:fs';
import type { Brain } from '../brain/brain-types.js';
import type { LoadedConfig } from '../config/load.js';
import { maskUrlUserinfo } from '../config/mask.js';
import type { DataDirChoice } from '../memory/data-dir.js';
import type { EngineProbe } from '../probe.js';
import type { DockerClient } from '../../tools/docker/client.js';
import { describeError } from '../errors.js';
import { probePushChannels } from './push-probes.js';

export interface DoctorOptions {
  loaded: LoadedConfig;
  dataDir: DataDirChoice;
  docker: Pick<DockerClient, 'listContainerNames'>;
  brain: Pick<Brain, 'probe'>;
  /** Probes of engines that later parts add (voice, channels). */
  extra?: () => Promise<EngineProbe[]>;
}

/** `sysvox doctor`: one line per part, ok / warn / fail, each failure with its fix. */
export async function runDoctor(deps: DoctorOptions): Promise<EngineProbe[]> {
  const probes: EngineProbe[] = [configProbe(deps.loaded), dataDirProbe(deps.dataDir)];
  const { telegram, discord } = deps.loaded.config.channels;
  const [docker, ollama, chat, discordProbes, push, extra] = await Promise.all([
    dockerProbe(deps.docker),
    deps.brain.probe(),
    telegram.enabled
      ? import('../../channels/telegram/telegram-probe.js').then(async ({ probeTelegram }) => [
          await probeTelegram(telegram),
        ])
      : Promise.resolve([]),
    discord.enabled
      ? Promise.all([
          import('../../channels/discord/discord-probe.js').then(({ probeDiscord }) => probeDiscord(discord)),
          import('../../channels/discord/voice/voice-doctor.js').then(({ discordVoiceProbes }) => discordVoiceProbes()),
        ]).then(([text, voice]) => [text, ...voice])
      : Promise.resolve([]),
    probePushChannels(deps.loaded.config.channels),
    deps.extra?.() ?? Promise.resolve([]),
  ]);
  return [...probes, docker, ollama, ...chat, ...discordProbes, ...push, ...extra].map((probe) => ({
    ...probe,
    detail: maskUrlUserinfo(probe.detail),
    fix: probe.fix && maskUrlUserinfo(probe.fix),
  }));
}

function configProbe(loaded: LoadedConfig): EngineProbe {
  const from = Object.values(loaded.fromEnv);
  const envNote = from.length ? `; from the environment: ${from.join(', ')}` : '';
  const credentials = Object.keys(loaded.fromCredentials);
  const credentialNote = credentials.length ? `; from systemd credentials: ${credentials.join(', ')}` : '';
  const file = loaded.path ? `${loaded.path} is valid` : 'no config file, built-in defaults';
  return { name: 'config', status: 'ok', detail: `${file}${envNote}${credentialNote}` };
}

function dataDirProbe(choice: DataDirChoice): EngineProbe {
  try {
    accessSync(choice.dir, constants.W_OK);
    return { name: 'data dir', status: 'ok', detail: `${choice.databasePath} (${choice.source})` };
  } catch {
    return {
      name: 'data dir',
      status: 'fail',
      detail: `${choice.dir} is not writable`,
      fix: 'set SYSVOX_DATA to a writable directory, or chown it to the sysvox user',
    };
  }
}

async function dockerProbe(docker: Pick<DockerClient, 'listContainerNames'>): Promise<EngineProbe> {
  try {
    const names = await docker.listContainerNames();
    return {
      name: 'docker',
      status: 'ok',
      detail: `reachable, ${names.length} container${names.length === 1 ? '' : 's'}`,
    };
  } catch (error) {
    const message = describeError(error);
    return {
      name: 'docker',
      status: 'warn',
      detail: message,
      fix: 'start the Docker engine, set docker.socketPath or DOCKER_HOST, or ignore if this server has no Docker',
    };
  }
}
