/**
 * A model that lies or overreaches, through the real ollama client and a fake Ollama over a real socket:
 * whatever it says, the answer tells the truth about what was done, and every call it asked for that did
 * not run is recorded.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './brain-harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.fake.close();
  harness = undefined;
});

describe('truthful answers from a model that overreaches', () => {
  it('15 restarts in one message: one approval, the other 14 recorded as dropped and named in the answer', async () => {
    const names = Array.from({ length: 15 }, (_, index) => `app${index + 1}`);
    harness = await startHarness({
      turns: [{ toolCalls: names.map((name) => ({ name: 'restart_container', arguments: { name } })) }],
    });
    const dropped: { tool: string; input: unknown; reason: string }[] = [];
    const run = await harness.run('restart everything', {
      drop: (tool, input, reason) => dropped.push({ tool, input, reason }),
    });
    expect(run.events.filter((event) => event.type === 'approval-request')).toHaveLength(1);
    expect(dropped.map((entry) => entry.input)).toEqual(names.slice(1).map((name) => ({ name })));
    expect(dropped.every((entry) => entry.reason.includes('waiting for approval'))).toBe(true);
    expect(run.done.text).toMatch(/I did not do the other 14 requests, such as .*\. Ask for them one at a time\./);
    expect(harness.executed).toEqual([]);
  });

  it('"Done." after a refused unknown tool becomes "Nothing was done" with the reason', async () => {
    harness = await startHarness({
      turns: [{ toolCalls: [{ name: 'wipe_backups', arguments: {} }] }, { content: ['Done.'] }],
    });
    const run = await harness.run('wipe the backups');
    expect(run.heard).not.toContain('Done.');
    expect(run.done.text).toBe('Nothing was done: there is no tool called wipe_backups.');
  });

  it('a tool that ran lets the model speak for itself again', async () => {
    harness = await startHarness({
      turns: [
        { toolCalls: [{ name: 'wipe_backups', arguments: {} }] },
        { toolCalls: [{ name: 'cpu_usage', arguments: {} }] },
        { content: ['CPU is at 12 percent.'] },
      ],
    });
    const run = await harness.run('cpu please');
    expect(run.done.text).toBe('CPU is at 12 percent.');
  });
});
