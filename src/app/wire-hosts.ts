/**
 * The hosts sysvox can answer about: this machine and the SSH hosts of config.hosts. One connection
 * pool serves every tool area (system figures, Docker, services, storage) through HostCommands; the
 * policy's host registry and the router's {host} names come from the same list.
 */
import type { Config } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { HostDirectory } from '../toolkit/hosts.js';
import { localHost } from '../toolkit/host-input.js';
import { createHostCommands, type PooledHostCommands } from '../../tools/ssh/host-commands.js';
import { createHostDirectory } from '../../tools/ssh/host-directory.js';
import { createHostSnapshots, type HostSnapshots } from '../../tools/ssh/remote-snapshot.js';
import type { SystemSampler } from '../../tools/system/sampler.js';

export interface HostRuntime {
  /** 'local' first, then the configured hosts in config order. */
  names(): readonly string[];
  commands: PooledHostCommands;
  snapshots: HostSnapshots;
  directory: HostDirectory;
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
  return {
    names: () => names,
    commands,
    snapshots: createHostSnapshots({ sampler: options.sampler, commands }),
    directory: createHostDirectory({ hosts: names.slice(1) }),
    close: () => commands.close(),
  };
}
