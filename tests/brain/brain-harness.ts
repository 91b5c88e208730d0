import { z } from 'zod';
import { createBrain } from '../../src/brain/brain.js';
import type { BrainEvent, BrainInvoke, BrainRequest, OllamaSettings } from '../../src/brain/brain-types.js';
import { createLogger, type Logger } from '../../src/log.js';
import type { InvokeOutcome } from '../../src/policy/outcome.js';
import { toOllamaTool, type OllamaToolSpec } from '../../src/toolkit/registry.js';
import type { Risk } from '../../src/toolkit/tool.js';
import { startFakeOllama, type FakeOllama, type FakeOllamaOptions } from '../fakes/fake-ollama.js';

interface TestTool {
  name: string;
  risk: Risk;
  input: z.ZodType;
  output: (input: never) => string;
}

/** A few tools with the three tiers, checked the way the policy runner checks them. */
export const testTools: TestTool[] = [
  { name: 'cpu_usage', risk: 'safe', input: z.object({}).strict(), output: () => 'cpu total 12 percent' },
  { name: 'memory_usage', risk: 'safe', input: z.object({}).strict(), output: () => 'memory used 41 percent' },
  {
    name: 'container_logs',
    risk: 'safe',
    input: z.object({ name: z.string(), lines: z.number().int().optional() }).strict(),
    output: (input: { name: string }) => `logs of ${input.name}: started`,
  },
  {
    name: 'restart_container',
    risk: 'confirm',
    input: z.object({ name: z.string() }).strict(),
    output: () => 'restarted',
  },
  {
    name: 'shell_exec',
    risk: 'blocked',
    input: z.object({ command: z.string() }),
    output: () => 'ran a shell command',
  },
];

export const offeredTools: OllamaToolSpec[] = testTools
  .filter((tool) => tool.risk !== 'blocked')
  .map((tool) =>
    toOllamaTool({
      name: tool.name,
      description: `${tool.name} tool`,
      risk: tool.risk,
      input: tool.input,
      describeCall: () => tool.name,
      execute: async () => undefined,
    }),
  );

/**
 * Stands in for the policy runner: unknown, blocked and invalid calls are refused and never run,
 * confirm calls need an approval, safe calls run. `executed` lists what actually ran.
 */
export function createTestInvoker(outputs: Record<string, string> = {}): {
  invoke: BrainInvoke;
  executed: { tool: string; input: unknown }[];
} {
  const executed: { tool: string; input: unknown }[] = [];
  const invoke: BrainInvoke = async (name, input): Promise<InvokeOutcome> => {
    const tool = testTools.find((candidate) => candidate.name === name);
    if (!tool) return { status: 'refused', tool: name, message: `There is no tool called ${name}.` };
    if (tool.risk === 'blocked')
      return { status: 'refused', tool: name, message: `${name} is blocked and never runs.` };
    const parsed = tool.input.safeParse(input);
    if (!parsed.success)
      return {
        status: 'refused',
        tool: name,
        message: `Invalid arguments for ${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}.`,
      };
    if (tool.risk === 'confirm') {
      return {
        status: 'approval-required',
        tool: name,
        approval: {
          id: 'a1',
          tool: name,
          description: "restart container 'plex'",
          expiresAt: new Date(Date.now() + 300_000),
          confirmPhrase: 'yes, restart plex',
        },
      };
    }
    executed.push({ tool: name, input: parsed.data });
    const output = outputs[name] ?? tool.output(parsed.data as never);
    return { status: 'ok', tool: name, output, data: output };
  };
  return { invoke, executed };
}

export function settingsFor(url: string, overrides: Partial<OllamaSettings> = {}): OllamaSettings {
  return {
    host: url,
    model: 'qwen2.5:7b',
    numCtx: 8192,
    keepAlive: '30m',
    requestTimeoutMs: 5000,
    firstTokenTimeoutMs: 2000,
    maxToolSteps: 6,
    ...overrides,
  };
}

export function request(text: string, extra: Partial<BrainRequest> = {}): BrainRequest {
  return { text, history: [], facts: [], contextNotes: '', ...extra };
}

export interface BrainRun {
  events: BrainEvent[];
  done: Extract<BrainEvent, { type: 'done' }>;
  /** The text-deltas joined: what the user heard. */
  heard: string;
  /** When each event arrived (ms since epoch), index for index. */
  times: number[];
}

export async function collect(events: AsyncIterable<BrainEvent>): Promise<BrainRun> {
  const seen: BrainEvent[] = [];
  const times: number[] = [];
  for await (const event of events) {
    seen.push(event);
    times.push(Date.now());
  }
  const done = seen.at(-1);
  if (done?.type !== 'done') throw new Error('the brain did not end with done');
  const heard = seen.map((event) => (event.type === 'text-delta' ? event.text : '')).join('');
  return { events: seen, done, heard, times };
}

export interface Harness {
  fake: FakeOllama;
  run(text: string, extra?: Partial<BrainRequest>): Promise<BrainRun>;
  executed: { tool: string; input: unknown }[];
  logs: string[];
}

/** A real brain on the real ollama client, against the fake server over a real socket. */
export async function startHarness(
  fakeOptions: FakeOllamaOptions,
  settings: Partial<OllamaSettings> = {},
  outputs: Record<string, string> = {},
): Promise<Harness> {
  const fake = await startFakeOllama(fakeOptions);
  const logs: string[] = [];
  const log: Logger = createLogger({ level: 'debug', write: (line) => logs.push(line) });
  const { invoke, executed } = createTestInvoker(outputs);
  const brain = createBrain({ ollama: settingsFor(fake.url, settings), tools: offeredTools, invoke, log });
  return { fake, executed, logs, run: (text, extra) => collect(brain.run(request(text, extra))) };
}
