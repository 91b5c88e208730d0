/**
 * The system area: this machine's figures (CPU, memory, disks, temperature, load, uptime, processes),
 * its words ({mount}, {host}, <cpu> ...), and the overall status, which it leads with its own figures
 * and completes with every other area's part (the containers today).
 */
import { hostname as systemHostname } from 'node:os';
import { answer, answerFrom, readTool } from '../../src/router/answer-kit.js';
import type { AlertsConfig } from '../../src/config/alerts-schema.js';
import type { AnswerContext, IntentHandler, ToolArea } from '../../src/router/area.js';
import type { RouterAnswer } from '../../src/router/types.js';
import {
  cpuAnswer,
  diskAnswer,
  loadAnswer,
  memoryAnswer,
  statusAnswer,
  temperatureAnswer,
  topProcessesAnswer,
  uptimeAnswer,
} from './answers.js';
import { createSystemChecks } from './checks.js';
import { thresholdVerdict } from './threshold-answer.js';
import type { SystemSampler } from './sampler.js';
import { hostSlot, mountSlot, thresholdSlot } from './slots.js';
import { withHostTemplates } from './host-words.js';
import { selectFilesystems, systemTools, type SnapshotSource, type SystemTools } from './system-tools.js';
import type { SystemSnapshot } from './types.js';
import { systemKeywords } from './keywords.js';
import { systemTemplates, systemWordClasses } from './words.js';

export interface SystemAreaOptions {
  sampler: SystemSampler;
  /** This machine's name, the one {host} knows; default os.hostname(). */
  hostname?: string;
  /** config.alerts: its metric rules become the area's alert checks (none when alerts are off or absent). */
  alerts?: AlertsConfig;
  /** How often the sampler samples: a snapshot three times older than this is stale to the checks. */
  sampleIntervalMs?: number;
  /** Every host's figures (tools/ssh/remote-snapshot.ts); without it, this machine's only. */
  snapshots?: SnapshotSource;
  /** The other hosts {host} knows (the configured SSH hosts); default none. */
  hostNames?: () => readonly string[];
}

/** The names this machine answers to in a question: "local", "localhost", its host name, short or full. */
function thisMachine(hostname: string): (host: string) => boolean {
  const full = hostname.trim().toLowerCase();
  const names = new Set(['local', 'localhost', full, full.split('.')[0] ?? full]);
  return (host) => names.has(host.trim().toLowerCase());
}

/** "Yes. " / "No. " when the question checked the figure against a number; '' otherwise. */
const verdict = (context: AnswerContext, spokenValues: readonly number[]) =>
  thresholdVerdict(context.match.slots, spokenValues);

/** "On nas: " when the question named another host, so the answer says whose figures these are. */
function whose(context: AnswerContext, isThisMachine: (host: string) => boolean): string {
  const host = context.match.slots.host;
  return host === undefined || isThisMachine(host) ? '' : `On ${host}: `;
}

function answers(
  tools: SystemTools,
  isThisMachine: (host: string) => boolean,
  isKnownHost: (host: string) => boolean,
): Record<string, IntentHandler> {
  const fromSnapshot = (context: AnswerContext, speak: (snapshot: SystemSnapshot) => string) =>
    answerFrom(
      context,
      tools.systemStatus,
      {},
      'checking the system',
      (snapshot) => whose(context, isThisMachine) + speak(snapshot),
    );
  const topProcesses =
    (by: 'cpu' | 'memory'): IntentHandler =>
    (context) =>
      answerFrom(
        context,
        tools.topProcesses,
        { by, limit: 3 },
        'listing processes',
        (processes) => whose(context, isThisMachine) + topProcessesAnswer(processes, by),
      );

  /** The snapshot is needed; the other areas' parts are not (without Docker the answer says so). */
  async function overallStatus(context: AnswerContext): Promise<RouterAnswer> {
    const host = context.match.slots.host;
    if (host !== undefined && !isThisMachine(host)) {
      if (!isKnownHost(host)) return answer(`I don't know a host called ${host}.`);
      const remote = await readTool(context, tools.systemStatus, {}, `checking ${host}`);
      return 'failed' in remote ? remote.failed : answer(`On ${host}: ${statusAnswer(remote.value, [])}`);
    }
    const [system, parts] = await Promise.all([
      readTool(context, tools.systemStatus, {}, 'checking the system'),
      context.statusParts(),
    ]);
    return 'failed' in system ? system.failed : answer(statusAnswer(system.value, parts));
  }

  return {
    status: overallStatus,
    cpu: (context) =>
      fromSnapshot(
        context,
        (snapshot) =>
          verdict(context, [Math.round(snapshot.cpu.totalPercent)]) + cpuAnswer(snapshot.cpu, snapshot.load),
      ),
    memory: (context) =>
      fromSnapshot(
        context,
        (snapshot) => verdict(context, [Math.round(snapshot.memory.usedPercent)]) + memoryAnswer(snapshot.memory),
      ),
    temperature: (context) =>
      fromSnapshot(context, (snapshot) => {
        const celsius = snapshot.temperature.available
          ? (snapshot.temperature.mainCelsius ?? snapshot.temperature.maxCelsius)
          : null;
        const said = celsius === null ? [] : [Math.round(celsius)];
        return verdict(context, said) + temperatureAnswer(snapshot.temperature);
      }),
    uptime: (context) => fromSnapshot(context, (snapshot) => uptimeAnswer(snapshot.uptimeSeconds)),
    load: (context) =>
      fromSnapshot(context, (snapshot) => verdict(context, [snapshot.load.load1]) + loadAnswer(snapshot.load)),
    top_cpu: topProcesses('cpu'),
    top_memory: topProcesses('memory'),
    disk: (context) => {
      const mount = context.match.slots.mount;
      return answerFrom(context, tools.diskUsage, mount ? { mount } : {}, 'checking the disks', (filesystems) => {
        const asked = filesystems.filter((filesystem) => mount === undefined || filesystem.mount === mount);
        const said = asked.map((filesystem) => Math.round(filesystem.usedPercent));
        return whose(context, isThisMachine) + verdict(context, said) + diskAnswer(filesystems, mount);
      });
    },
  };
}

export function createSystemArea(deps: SystemAreaOptions): ToolArea {
  const tools = systemTools(deps.sampler, deps.snapshots);
  const otherHosts = deps.hostNames ?? (() => []);
  const hostname = deps.hostname ?? systemHostname();
  // Real filesystems only: overlay and tmpfs mounts (Docker's layers) are not names a person says.
  const mounts = async () =>
    selectFilesystems((await deps.sampler.latest().catch(() => null))?.filesystems ?? []).map(
      (filesystem) => filesystem.mount,
    );
  return {
    name: 'system',
    keywords: systemKeywords,
    tools: Object.values(tools),
    templates: withHostTemplates(systemTemplates),
    wordClasses: systemWordClasses,
    slots: [mountSlot(mounts), hostSlot(async () => [hostname, ...otherHosts()]), thresholdSlot()],
    answers: answers(tools, thisMachine(hostname), (host) => otherHosts().includes(host)),
    checks: deps.alerts?.enabled
      ? createSystemChecks({
          sampler: deps.sampler,
          rules: deps.alerts.rules,
          intervalMs: deps.alerts.evaluateEvery,
          maxSnapshotAgeMs: Math.max(120_000, 3 * (deps.sampleIntervalMs ?? 0)),
        })
      : [],
  };
}
