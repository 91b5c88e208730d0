import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, checkout, createWorkspace, type CliWorkspace } from './cli-harness.js';

/** `sysvox run` is the service systemd keeps alive: it must stay up with no channel and stop cleanly. */
describe('sysvox run', () => {
  let workspace: CliWorkspace;
  beforeAll(() => {
    buildCli();
    workspace = createWorkspace();
  }, 180_000);
  afterAll(() => workspace?.remove());

  it('stays up with no microphone and no chat channel, logs JSON lines, and stops on SIGTERM with exit 0', async () => {
    const child = spawn(process.execPath, [join(checkout, 'bin', 'sysvox.js'), 'run'], {
      cwd: workspace.folder,
      env: workspace.env,
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 20_000;
    while (!stdout.includes('sysvox ready') && Date.now() < deadline && child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(stdout).toContain('sysvox ready');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(child.exitCode, 'the service exited on its own').toBeNull();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines.every((line) => JSON.parse(line) !== null)).toBe(true);
    expect(lines.at(-1)).toContain('stopped');
  }, 60_000);
});
