/**
 * Small CLI mistakes a person makes, and what they see: one sentence on stderr and a non-zero exit, never
 * a raw system error or a silently wrong reading.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printTurn } from '../../src/cli/render.js';
import type { TurnEvent } from '../../src/types.js';
import { buildCli, createWorkspace, type CliWorkspace } from './cli-harness.js';

let workspace: CliWorkspace;
beforeAll(() => {
  buildCli();
  workspace = createWorkspace();
}, 240_000);
afterAll(() => workspace.remove());

describe('the CLI refuses input it cannot use, saying why', () => {
  it('ask with an empty question asks for one instead of sending nothing to the model', async () => {
    const result = await workspace.run(['ask', '  ']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^sysvox: Nothing to ask/);
    expect(result.stdout).toBe('');
  });

  it('audit -n 1e3 is refused rather than read as 1; -n 1000 works', async () => {
    const refused = await workspace.run(['audit', '-n', '1e3']);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/--limit must be a positive whole number, not '1e3'/);
    const fine = await workspace.run(['audit', '-n', '1000']);
    expect(fine.exitCode).toBe(0);
  });

  it('listen --file on a folder or a missing file says so in one sentence', async () => {
    const folder = await workspace.run(['listen', '--file', workspace.folder]);
    expect(folder.exitCode).toBe(1);
    expect(folder.stderr).toMatch(/it is not a regular file/);
    const missing = await workspace.run(['listen', '--file', `${workspace.folder}/nope.wav`]);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toMatch(/there is no such file/);
    expect(missing.stderr).not.toMatch(/ENOENT|at .*\.js/);
  });

  it('SYSVOX_LOG_LEVEL=warn shows a one-shot command its warnings; by default they stay quiet', async () => {
    const quiet = await workspace.run(['ask', 'why', 'is', 'the', 'sky', 'blue']);
    expect(quiet.stderr).toBe('');
    const loud = await workspace.run(['ask', 'why', 'is', 'the', 'sky', 'blue'], { env: { SYSVOX_LOG_LEVEL: 'warn' } });
    expect(loud.stderr).toMatch(/"level":"warn"/);
  });
});

describe('printing a reply to a terminal', () => {
  it('neutralises a title change, a clipboard write and a clear screen in what the model said', async () => {
    const text = 'Done.\u001b]0;owned\u0007\u001b]52;c;ZXZpbA==\u0007\u001b[2J';
    async function* events(): AsyncGenerator<TurnEvent> {
      yield { type: 'done', text, source: 'brain' };
    }
    let printed = '';
    await printTurn(events(), (chunk) => (printed += chunk));
    expect(printed).toBe('Done.\n');
  });
});
