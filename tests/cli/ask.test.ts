/**
 * `sysvox ask` and `sysvox doctor` from the built CLI, with no config file, a temp data dir, the
 * private Docker engine and no Ollama: what a person sees in the terminal.
 */
import { cpus } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDocker } from '../helpers/docker-engine.js';
import { buildCli, createWorkspace, type CliWorkspace } from './cli-harness.js';

let workspace: CliWorkspace;
beforeAll(() => {
  buildCli();
  workspace = createWorkspace();
}, 240_000);
afterAll(() => workspace.remove());

describe('sysvox ask without Docker questions', () => {
  it('answers the cpu usage with a true percentage', async () => {
    const result = await workspace.run(['ask', 'what', 'is', 'the', 'cpu', 'usage']);
    expect(result.exitCode).toBe(0);
    const percent = /(\d+(?:\.\d+)?) percent/.exec(result.stdout);
    expect(percent, result.stdout).not.toBeNull();
    const value = Number(percent?.[1]);
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(100);
    const cores = /(\d+) cores?/.exec(result.stdout);
    if (cores) expect(Number(cores[1])).toBe(cpus().length);
  });

  it('says in one sentence that the language model is unreachable, and exits 0', async () => {
    const result = await workspace.run(['ask', 'write me a poem']);
    expect(result.exitCode).toBe(0);
    const text = result.stdout.trim();
    expect(text).toMatch(/language model/i);
    expect(text.split(/[.!?](\s|$)/).filter((part) => part.trim().length > 0)).toHaveLength(1);
    expect(text).not.toMatch(/at .*\.(js|ts):\d+/); // no stack trace
  });

  it('names the missing Docker socket when Docker cannot be reached', async () => {
    const socket = `${workspace.folder}/no-docker.sock`;
    const result = await workspace.run(['ask', 'list containers'], { env: { DOCKER_HOST: `unix://${socket}` } });
    expect(result.stdout).toMatch(/can't reach Docker/i);
    expect(result.stdout).toContain(socket);
  });

  it('doctor prints one line each for config, data dir, docker and ollama, with a fix for ollama', async () => {
    const result = await workspace.run(['doctor']);
    const lines = result.stdout.split('\n');
    for (const name of ['config', 'data dir', 'docker', 'ollama']) {
      const matching = lines.filter((line) => new RegExp(`^(ok|warn|FAIL)\\s+${name}\\s`).test(line));
      expect(matching, `${name} in:\n${result.stdout}`).toHaveLength(1);
    }
    const ollamaAt = lines.findIndex((line) => /^FAIL\s+ollama\s/.test(line));
    expect(ollamaAt, result.stdout).toBeGreaterThanOrEqual(0);
    expect(lines[ollamaAt + 1]).toMatch(/^\s+fix: .*ollama/i);
    expect(result.exitCode).toBe(2); // a FAIL line makes doctor exit 2, so scripts notice
  });
});

describeDocker('sysvox ask about containers', () => {
  it('names the unhealthy container and not the healthy one', async () => {
    const result = await workspace.run(['ask', 'which containers are unhealthy']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('db-unhealthy');
    expect(result.stdout).not.toContain('web-healthy');
  });

  it('doctor says Docker is reachable', async () => {
    const result = await workspace.run(['doctor']);
    expect(result.stdout).toMatch(/^ok\s+docker\s+reachable/m);
  });
});
