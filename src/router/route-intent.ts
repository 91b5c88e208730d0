/**
 * Answers a router match: calls the right tool(s) through `invoke` (which enforces policy) and turns
 * the typed result into speech. Restart, stop and start go through invoke too, so policy creates the
 * approval and this returns it for the core to surface. Confirm and deny decide nothing here: they are
 * handed back to the core, which resolves the pending approval of this person.
 */
import type { InvokeOutcome } from '../policy/outcome.js';
import type { ApprovalView } from '../types.js';
import { containerActionAnswer, containerLogsAnswer, containerStatusAnswer, listContainersAnswer, unhealthyContainersAnswer } from './docker-answers.js';
import { helpAnswer } from './help-answer.js';
import { asSentence, capitalise, speakable } from './speech-format.js';
import {
  cpuAnswer, diskAnswer, loadAnswer, memoryAnswer, statusAnswer, temperatureAnswer, topProcessesAnswer, uptimeAnswer,
} from './system-answers.js';
import { templates } from './templates.js';
import {
  readActionResult, readContainers, readDetails, readFilesystems, readLogs, readProcesses, readRemovedCount, readSnapshot,
} from './tool-data.js';
import type { IntentName, RouterAnswer, RouterMatch } from './types.js';
import type { SystemSnapshot } from '../../tools/system/types.js';

export interface AnswerDependencies {
  invoke(tool: string, input: unknown): Promise<InvokeOutcome>;
}

/** Log lines read aloud for "logs of X"; more are fetched so the error count has something to count. */
const spokenLogLines = 5;
const fetchedLogLines = 50;

const answer = (text: string): RouterAnswer => ({ kind: 'answer', text });

/** A tool that did not give data: its error, refusal or approval, said as one sentence. */
function notOk(outcome: Exclude<InvokeOutcome, { status: 'ok' }>, gerund: string): RouterAnswer {
  if (outcome.status === 'approval-required') return approvalAnswer(outcome.approval, gerund);
  return answer(asSentence(speakable(outcome.message, 300)));
}

function approvalAnswer(approval: ApprovalView, gerund: string): RouterAnswer {
  return { kind: 'approval', text: capitalise(`${gerund} needs your approval. Say ${approval.confirmPhrase}, or no.`), approval };
}

const unreadable = (tool: string): RouterAnswer => answer(`I got an answer from ${tool.replaceAll('_', ' ')} that I could not read.`);

interface ToolCall { tool: string; input: unknown; gerund: string }

const systemStatus: ToolCall = { tool: 'system_status', input: {}, gerund: 'checking the system' };
const allContainers: ToolCall = { tool: 'docker_list_containers', input: { all: true }, gerund: 'listing containers' };

/** A tool's data, read into its shape, or the answer that says why there is none. */
type Read<T> = { value: T } | { failed: RouterAnswer };

async function read<T>(deps: AnswerDependencies, call: ToolCall, reader: (data: unknown) => T | null): Promise<Read<T>> {
  const outcome = await deps.invoke(call.tool, call.input);
  if (outcome.status !== 'ok') return { failed: notOk(outcome, call.gerund) };
  const value = reader(outcome.data);
  return value === null ? { failed: unreadable(call.tool) } : { value };
}

/** Calls one tool and speaks its data through `speak`, or the reason it could not. */
async function single<T>(
  deps: AnswerDependencies, call: ToolCall, reader: (data: unknown) => T | null, speak: (value: T) => string,
): Promise<RouterAnswer> {
  const got = await read(deps, call, reader);
  return 'failed' in got ? got.failed : answer(speak(got.value));
}

function fromSnapshot(deps: AnswerDependencies, speak: (snapshot: SystemSnapshot) => string): Promise<RouterAnswer> {
  return single(deps, systemStatus, readSnapshot, speak);
}

/** The system snapshot is needed; the containers are not: without Docker the answer says so. */
async function overallStatus(match: RouterMatch, deps: AnswerDependencies): Promise<RouterAnswer> {
  if (match.slots.host !== undefined) {
    return answer(`I can only check this server so far; other hosts such as ${match.slots.host} are not connected yet.`);
  }
  const [system, docker] = await Promise.all([read(deps, systemStatus, readSnapshot), read(deps, allContainers, readContainers)]);
  if ('failed' in system) return system.failed;
  return answer(statusAnswer(system.value, 'value' in docker ? docker.value : null));
}

function containerAction(match: RouterMatch, deps: AnswerDependencies, action: 'restart' | 'stop' | 'start'): Promise<RouterAnswer> {
  const name = match.slots.container ?? '';
  const gerund = { restart: 'restarting', stop: 'stopping', start: 'starting' }[action];
  return single(deps, { tool: `docker_${action}`, input: { name }, gerund: `${gerund} ${name}` }, readActionResult, containerActionAnswer);
}

async function rememberFact(match: RouterMatch, deps: AnswerDependencies): Promise<RouterAnswer> {
  const fact = match.slots.fact ?? '';
  const outcome = await deps.invoke('remember_fact', { text: fact });
  return outcome.status === 'ok' ? answer(`I'll remember that ${fact}.`) : notOk(outcome, 'remembering that');
}

function forgetFact(match: RouterMatch, deps: AnswerDependencies): Promise<RouterAnswer> {
  const fact = match.slots.fact ?? '';
  return single(deps, { tool: 'forget_fact', input: { query: fact }, gerund: 'forgetting that' }, readRemovedCount,
    (removed) => (removed === 0 ? `I had nothing remembered about ${fact}.` : `I've forgotten what I knew about ${fact}.`));
}

type Handler = (match: RouterMatch, deps: AnswerDependencies) => Promise<RouterAnswer>;

const handlers: Record<IntentName, Handler> = {
  status: overallStatus,
  cpu: (_match, deps) => fromSnapshot(deps, (snapshot) => cpuAnswer(snapshot.cpu, snapshot.load)),
  memory: (_match, deps) => fromSnapshot(deps, (snapshot) => memoryAnswer(snapshot.memory)),
  temperature: (_match, deps) => fromSnapshot(deps, (snapshot) => temperatureAnswer(snapshot.temperature)),
  uptime: (_match, deps) => fromSnapshot(deps, (snapshot) => uptimeAnswer(snapshot.uptimeSeconds)),
  load: (_match, deps) => fromSnapshot(deps, (snapshot) => loadAnswer(snapshot.load)),
  top_cpu: (_match, deps) => single(deps, { tool: 'top_processes', input: { by: 'cpu', limit: 3 }, gerund: 'listing processes' },
    readProcesses, (processes) => topProcessesAnswer(processes, 'cpu')),
  top_memory: (_match, deps) => single(deps, { tool: 'top_processes', input: { by: 'memory', limit: 3 }, gerund: 'listing processes' },
    readProcesses, (processes) => topProcessesAnswer(processes, 'memory')),
  disk: (match, deps) => single(deps, { tool: 'disk_usage', input: match.slots.mount ? { mount: match.slots.mount } : {}, gerund: 'checking the disks' },
    readFilesystems, (filesystems) => diskAnswer(filesystems, match.slots.mount)),
  list_containers: (_match, deps) => single(deps, allContainers, readContainers, listContainersAnswer),
  unhealthy_containers: (_match, deps) => single(deps, { ...allContainers, gerund: 'checking the containers' }, readContainers, unhealthyContainersAnswer),
  container_status: (match, deps) => single(deps, { tool: 'docker_inspect', input: { name: match.slots.container ?? '' }, gerund: 'inspecting the container' },
    readDetails, containerStatusAnswer),
  container_logs: (match, deps) => single(deps,
    { tool: 'docker_logs', input: { name: match.slots.container ?? '', lines: fetchedLogLines, stream: 'both' }, gerund: 'reading the logs' },
    readLogs, (logs) => containerLogsAnswer(logs, spokenLogLines)),
  container_restart: (match, deps) => containerAction(match, deps, 'restart'),
  container_stop: (match, deps) => containerAction(match, deps, 'stop'),
  container_start: (match, deps) => containerAction(match, deps, 'start'),
  confirm: async (match) => ({ kind: 'approval-decision', decision: 'approve', spokenText: match.normalized }),
  deny: async (match) => ({ kind: 'approval-decision', decision: 'deny', spokenText: match.normalized }),
  help: async () => answer(helpAnswer(templates)),
  remember: rememberFact,
  forget: forgetFact,
};

/** The spoken answer, the approval to surface, or the approval decision for the core to apply. */
export function answerIntent(match: RouterMatch, deps: AnswerDependencies): Promise<RouterAnswer> {
  return handlers[match.intent](match, deps);
}
