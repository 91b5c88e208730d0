/**
 * The SSH area: the status of every host at once ("status of all hosts", "how are my servers"), its
 * tool, and the host-unreachable alert check. The figures of one host ("the load on the nas") are the
 * system area's questions with {host}; this area brings the hosts themselves.
 */
import { z } from 'zod';
import { answerFrom } from '../../src/router/answer-kit.js';
import type { ToolArea } from '../../src/router/area.js';
import type { Template } from '../../src/router/types.js';
import { capitalise, joinSpoken, spokenNumber, spokenPercent } from '../../src/router/speech-format.js';
import type { HostCommands } from '../../src/toolkit/host-commands.js';
import { defineTool } from '../../src/toolkit/tool.js';
import { createHostChecks } from './checks.js';
import { readHostsStatus, type HostStatus, type StatusSource } from './hosts-status.js';

const hostStatus = z.object({
  host: z.string(),
  up: z.boolean(),
  problem: z.string().nullable(),
  cpuPercent: z.number().nullable(),
  memoryPercent: z.number().nullable(),
  load1: z.number().nullable(),
  fullestMount: z.string().nullable(),
  fullestPercent: z.number().nullable(),
  uptimeSeconds: z.number().nullable(),
});

const sshTemplates: readonly Template[] = [
  {
    intent: 'hosts_status',
    patterns: [
      '[what is the] status of (all | every | each) [<det>] (hosts | servers | machines | boxes | host | server | machine)',
      '(all | every) (hosts | servers | machines) status',
      'how are (all | my | the | our) [<det>] (hosts | servers | machines | boxes) [doing | looking]',
      '(are | is) (all | every) [<det>] (hosts | servers | machines | host | server | machine) (up | online | ok | okay | fine | alive | running)',
      '(check | ping) (all | every) [<det>] (hosts | servers | machines)',
      '(which | what | any) (hosts | servers | machines) [are | is] (down | offline | unreachable)',
      '[<det>] (hosts | servers) (status | overview)',
    ],
    spoken: ['status of all servers', 'are all servers up'],
    help: { kind: 'ask', topic: 'the status of all hosts' },
  },
];

export interface SshAreaOptions {
  /** 'local' first, then the configured hosts. */
  hosts: () => readonly string[];
  snapshots: StatusSource;
  commands: Pick<HostCommands, 'run'>;
  /** Each host's deadline in the status of all hosts. */
  perHostTimeoutMs?: number;
  /** config.alerts: the host-unreachable check runs when alerts are on. */
  alerts?: { enabled: boolean; evaluateEvery: number };
}

function oneHostClause(status: HostStatus): string {
  const name = status.host === 'local' ? 'this machine' : status.host;
  if (!status.up) return `${name} is down`;
  const parts = [
    `CPU ${spokenPercent(status.cpuPercent ?? NaN)}`,
    `memory ${spokenPercent(status.memoryPercent ?? NaN)}`,
  ];
  if (status.fullestPercent !== null && status.fullestPercent >= 90)
    parts.push(`${status.fullestMount} ${spokenPercent(status.fullestPercent)} full`);
  else if (status.load1 !== null) parts.push(`load ${spokenNumber(status.load1)}`);
  return `${name}: ${parts.join(', ')}`;
}

/** "All 3 hosts are up. This machine: CPU 4 percent ...; nas: ..." or "2 of 3 hosts are up; tank is down: ..." */
export function hostsStatusAnswer(statuses: readonly HostStatus[]): string {
  const down = statuses.filter((status) => !status.up);
  const lead =
    down.length === 0
      ? `All ${statuses.length} hosts are up.`
      : `${statuses.length - down.length} of ${statuses.length} hosts are up; ${joinSpoken(down.map((status) => status.host))} ${down.length === 1 ? 'is' : 'are'} down.`;
  const reasons = down.map((status) => status.problem ?? `${status.host} did not answer.`).join(' ');
  const figures = statuses
    .filter((status) => status.up)
    .map(oneHostClause)
    .join('; ');
  return [lead, reasons, figures === '' ? '' : `${capitalise(figures)}.`].filter((part) => part !== '').join(' ');
}

export function createSshArea(options: SshAreaOptions): ToolArea {
  const statusTool = defineTool({
    name: 'hosts_status',
    description:
      'Status of every host at once (this machine and each SSH host): up or down, CPU, memory, load, fullest disk.',
    risk: 'safe',
    input: z.object({}),
    describeCall: () => 'status of all hosts',
    execute: () =>
      readHostsStatus({
        hosts: options.hosts(),
        snapshots: options.snapshots,
        timeoutMs: options.perHostTimeoutMs ?? 5000,
      }),
    output: z.array(hostStatus),
  });
  const remoteHosts = () => options.hosts().filter((host) => host !== 'local');
  return {
    name: 'ssh',
    tools: [statusTool],
    templates: sshTemplates,
    keywords: {
      hosts_status: { words: ['hosts', 'servers', 'machines'], topic: 'the status of all hosts' },
    },
    answers: {
      hosts_status: (context) =>
        answerFrom(context, statusTool, {}, 'checking every host', (statuses) => hostsStatusAnswer(statuses)),
    },
    checks: options.alerts?.enabled
      ? createHostChecks({ commands: options.commands, hosts: remoteHosts(), intervalMs: options.alerts.evaluateEvery })
      : [],
  };
}
