/**
 * The hosts sysvox can answer about: this machine and the SSH hosts of config.hosts. One connection
 * pool serves every tool area (system figures, Docker, services, storage) through HostCommands; the
 * policy's host registry and the router's {host} names come from the same list.
 */
import type { Config } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { HostDirectory } from '../toolkit/hosts.js';
import { localHost } from '../toolkit/host-input.js';
import { createDockerClient, type DockerClient } from '../../tools/docker/client.js';
import { createSshDockerAgent } from '../../tools/ssh/docker-over-ssh.js';
import { createHostCommands, type PooledHostCommands } from '../../tools/ssh/host-commands.js';
import { createHostDirectory } from '../../tools/ssh/host-directory.js';
import { createProcReader } from '../../tools/ssh/proc-reader.js';
import { createHostSnapshots, type HostSnapshots } from '../../tools/ssh/remote-snapshot.js';
import type { SystemSampler } from '../../tools/system/sampler.js';

export interface HostRuntime {
  /** 'local' first, then the configured hosts in config order. */
  names(): readonly string[];
  commands: PooledHostCommands;
  snapshots: HostSnapshots;
  directory: HostDirectory;
  /** The Docker engine of an SSH host, over its pooled connection (made on first use). */
  docker(host: string): DockerClient;
  close(): void;
}

export function createHostRuntime(options: {
  config: Pick<Config, 'hosts'>;
  sampler: Pick<SystemSampler, 'latest'>;
  log: Logger;
  env?: NodeJS.ProcessEnv;
}): HostRuntime {
  const commands = createHostCommands({ hosts: options.config.hosts, log: options.log, env: options.env });
  const names = [localHost, ...options.config.hosts.map((host) => host.name)];
  const dockers = new Map<string, DockerClient>();
  const docker = (host: string): DockerClient => {
    let client = dockers.get(host);
    if (!client) {
      const agent = createSshDockerAgent({ pool: commands.pool, host });
      client = createDockerClient({ log: options.log, remote: { agent, describe: `the Docker engine of ${host}` } });
      dockers.set(host, client);
    }
    return client;
  };
  return {
    docker,
    names: () => names,
    commands,
    snapshots: createHostSnapshots({ sampler: options.sampler, commands, procReader: createProcReader(commands.pool) }),
    directory: createHostDirectory({ hosts: names.slice(1) }),
    close: () => commands.close(),
  };
}
