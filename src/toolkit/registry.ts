import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { withHostInput } from './host-input.js';
import type { AnyTool, Risk } from './tool.js';
import { nearestName } from './nearest-name.js';

const tierOrder: Record<Risk, number> = { safe: 0, confirm: 1, blocked: 2 };

/** The JSON schema Ollama expects for one function tool. */
export interface OllamaToolSpec {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

export interface ToolRegistry {
  /** Every registered tool, blocked ones included (so a named blocked tool can be refused by name); each takes `host`. */
  all(): AnyTool[];
  get(name: string): AnyTool | undefined;
  /** The effective tier after config overrides. */
  riskOf(name: string): Risk | undefined;
  /** The tools offered to the model: everything but `blocked`. */
  offered(): OllamaToolSpec[];
}

/**
 * Built once at start. Names must be unique snake_case; config may tighten a tier, never loosen it.
 * Every tool is handed out with the optional `host` input added (see host-input.ts).
 */
export function createToolRegistry(definitions: AnyTool[], riskOverrides: Record<string, Risk> = {}): ToolRegistry {
  const byName = new Map<string, AnyTool>();
  const tools = definitions.map(withHostInput);
  for (const tool of tools) {
    if (!/^[a-z][a-z0-9_]*$/.test(tool.name)) throw new ConfigError(`tool name '${tool.name}' must be snake_case`);
    if (byName.has(tool.name)) throw new ConfigError(`tool '${tool.name}' is registered twice`);
    byName.set(tool.name, tool);
  }
  const risks = new Map<string, Risk>();
  for (const tool of tools) {
    const override = riskOverrides[tool.name];
    const tightened = override && tierOrder[override] > tierOrder[tool.risk] ? override : tool.risk;
    risks.set(tool.name, tightened);
  }
  for (const name of Object.keys(riskOverrides)) {
    if (byName.has(name)) continue;
    const suggestion = nearestName(name, byName.keys());
    throw new ConfigError(
      `tools.risk.${name} names no tool${suggestion ? `; did you mean ${suggestion}?` : '.'} Use a tool name from the README's tool list, or remove the line.`,
    );
  }
  const offered = tools.filter((tool) => risks.get(tool.name) !== 'blocked').map((tool) => toOllamaTool(tool));
  return {
    all: () => [...byName.values()],
    get: (name) => byName.get(name),
    riskOf: (name) => risks.get(name),
    offered: () => offered,
  };
}

export function toOllamaTool(tool: AnyTool): OllamaToolSpec {
  const schema = z.toJSONSchema(tool.input, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  delete schema.$schema;
  return { type: 'function', function: { name: tool.name, description: tool.description, parameters: schema } };
}
