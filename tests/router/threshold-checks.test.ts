/**
 * A yes/no check against a number gets "Yes." or "No." in front of the figure, in the direction asked
 * ("over", "under"); the same figure without a number asked gets no verdict. Real router and areas, tools
 * scripted through a fake invoker (the snapshot of tests/router/fixtures.ts: CPU 12 %, memory 41 %,
 * / 37 % and /data 95 % full, 48 degrees, load 0.42).
 */
import { describe, expect, it } from 'vitest';
import type { InvokeOutcome } from '../../src/policy/outcome.js';
import { testRouter } from '../helpers/router-areas.js';
import { snapshotFixture } from './fixtures.js';
import { testVocabulary } from './vocabulary.js';

const snapshot = snapshotFixture();
const ok = (tool: string, data: unknown): InvokeOutcome => ({ status: 'ok', tool, output: JSON.stringify(data), data });
const invoke = async (tool: string, input: unknown): Promise<InvokeOutcome> => {
  if (tool === 'system_status') return ok(tool, snapshot);
  if (tool === 'disk_usage') {
    const mount = (input as { mount?: string }).mount;
    return ok(
      tool,
      mount ? snapshot.filesystems.filter((filesystem) => filesystem.mount === mount) : snapshot.filesystems,
    );
  }
  return { status: 'refused', tool, message: `No script for ${tool}.` };
};
const router = testRouter();

async function reply(text: string): Promise<string> {
  const match = router.match(text, testVocabulary);
  if (!match) throw new Error(`"${text}" did not match`);
  const answer = await router.answer(match, invoke);
  if (answer.kind !== 'answer') throw new Error(`"${text}" gave ${answer.kind}`);
  return answer.text;
}

describe('yes/no checks against a number', () => {
  it.each([
    ['is the cpu over 80 percent', /^No\. CPU is at 12 percent/],
    ['is the cpu under twenty percent?', /^Yes\. CPU is at 12 percent/],
    ['is memory above 40%', /^Yes\. Memory is at 41 percent/],
    ['is the ram usage below 41 percent', /^No\. Memory is at 41 percent/],
    ['is any disk over 90 percent', /^Yes\. The root filesystem is 37 percent full/],
    ['is root over 90 percent full', /^No\. The root filesystem is 37 percent full/],
    ['is /data above ninety percent', /^Yes\. \/data is 95 percent full/],
    ['is the cpu over 80 degrees', /^No\. The CPU is at 48 degrees Celsius/],
    ['is the load over 4', /^No\. The load average is 0\.4 over 1 minute/],
    ['is the load above 0.3', /^Yes\. The load average is 0\.4/],
  ])('"%s"', async (text, expected) => {
    expect(await reply(text)).toMatch(expected);
  });

  it('gives no verdict when no number was asked', async () => {
    expect(await reply('is the cpu busy')).toMatch(/^CPU is at 12 percent/);
    expect(await reply('how full is /data')).toMatch(/^\/data is 95 percent full/);
  });
});
