/**
 * The ONE list of tool areas sysvox runs with. Adding an area (ssh, systemd, storage, home assistant)
 * means a folder under tools/ that exports its area, and one line here: its tools reach the registry
 * (the brain and policy), its words the router, the help text and the pocketsphinx grammar.
 * Order matters: templates are tried core first, then area by area in this order.
 */
import type { Config } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { Memory } from '../memory/memory.js';
import type { ToolArea } from '../router/area.js';
import type { HostCommands } from '../toolkit/host-commands.js';
import { createCommandChecks } from '../alerts/command-check.js';
import { checkedAtKey } from './wire-alerts.js';
import { createHostRuntime, type HostRuntime } from './wire-hosts.js';
import type { DockerClient } from '../../tools/docker/client.js';
import { createAlertsArea } from '../../tools/alerts/area.js';
import { createDockerArea } from '../../tools/docker/area.js';
import { createMemoryArea } from '../../tools/memory/area.js';
import { createServicesArea } from '../../tools/services/area.js';
import { createStorageArea } from '../../tools/storage/area.js';
import { createSshArea } from '../../tools/ssh/area.js';
import { createSystemArea } from '../../tools/system/area.js';
import type { SystemSampler } from '../../tools/system/sampler.js';

/** What the wiring hands every area factory (main.ts builds the sampler and the Docker client: the app exposes them). */
export interface AreaOptions {
  config: Config;
  env: NodeJS.ProcessEnv;
  log: Logger;
  memory: Pick<Memory, 'facts' | 'alerts' | 'kv'>;
  sampler: SystemSampler;
  docker: DockerClient;
  /** This machine and the SSH hosts (main.ts builds it, to hand the same registry to the policy); made from config when absent. */
  hosts?: HostRuntime;
  /** Runs the services' and storage's programs; default the hosts' own (tests hand in stand-in programs). */
  commands?: HostCommands;
}

/** A logger for an area's alert checks when alerts are on; none (no checks) when they are off. */
const alertsLog = (wiring: AreaOptions) => (wiring.config.alerts.enabled ? { log: wiring.log } : undefined);

export function createAreas(wiring: AreaOptions): ToolArea[] {
  const { memory } = wiring;
  const hosts = wiring.hosts ?? createHostRuntime({ config: wiring.config, sampler: wiring.sampler, log: wiring.log });
  const commands = wiring.commands ?? hosts.commands;
  const otherHosts = () => hosts.names().filter((name) => name !== 'local');
  return [
    // First, so "what is wrong" is about the alerts ("what is wrong with docker" stays Docker's).
    createAlertsArea({
      store: memory.alerts,
      checkedAt: () => {
        const at = memory.kv.get(checkedAtKey);
        return at === undefined ? null : new Date(at);
      },
      checks: wiring.config.alerts.enabled
        ? createCommandChecks(wiring.config.alerts.commands, { log: wiring.log })
        : [],
    }),
    createMemoryArea({ memory: wiring.memory }),
    // Before system and Docker: "which services failed", "restart nginx" (a known unit), "how are my disks".
    createServicesArea({ commands, config: wiring.config.services, alerts: alertsLog(wiring) }),
    createStorageArea({ commands, config: wiring.config.storage, alerts: alertsLog(wiring) }),
    createSystemArea({
      sampler: wiring.sampler,
      alerts: wiring.config.alerts,
      sampleIntervalMs: wiring.config.system.sampleIntervalMs,
      snapshots: hosts.snapshots,
      hostNames: otherHosts,
    }),
    createDockerArea({
      client: wiring.docker,
      remoteClient: (host) => hosts.docker(host),
      logLines: wiring.config.docker.logLines,
      logBytes: wiring.config.docker.logBytes,
      alerts: { config: wiring.config.alerts, log: wiring.log },
    }),
    createSshArea({
      hosts: hosts.names,
      snapshots: hosts.snapshots,
      commands: hosts.commands,
      alerts: wiring.config.alerts,
    }),
  ];
}
