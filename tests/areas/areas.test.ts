/**
 * Putting the router together from tool areas: clashes are refused at start, naming the area; the
 * vocabulary never fails a turn; a status part that fails is left out.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import type { InvokeOutcome } from '../../src/policy/outcome.js';
import type { ToolArea } from '../../src/router/area.js';
import { PatternSyntaxError } from '../../src/router/pattern.js';
import { createRouter } from '../../src/router/router.js';
import { routerAreas } from '../helpers/router-areas.js';
import { snapshotFixture } from '../router/fixtures.js';
import { testVocabulary } from '../router/vocabulary.js';

const area = (overrides: Partial<ToolArea>): ToolArea => ({
  name: 'extra',
  tools: [],
  templates: [],
  answers: {},
  ...overrides,
});
const say = (text: string) => async () => ({ kind: 'answer' as const, text });

describe('the router put together from areas', () => {
  it('refuses a class, slot or intent another area or the core already has, and a template nobody answers', () => {
    const build = (extra: ToolArea) => () => createRouter({ areas: [...routerAreas(), extra] });
    expect(build(area({ wordClasses: { det: 'the' } }))).toThrow(ConfigError);
    expect(build(area({ wordClasses: { containers: 'boxes' } }))).toThrow(/'extra' defines word class <containers>/);
    expect(build(area({ slots: [{ name: 'container', values: async () => [], resolve: () => null }] }))).toThrow(
      /slot \{container\}/,
    );
    expect(build(area({ answers: { cpu: say('mine') } }))).toThrow(
      /answers intent 'cpu', which area 'system' already answers/,
    );
    expect(build(area({ answers: { help: say('mine') } }))).toThrow(/which the core already answers/);
    expect(build(area({ templates: [{ intent: 'weather', patterns: ['weather'] }] }))).toThrow(
      /intent 'weather' has no answer/,
    );
    expect(build(area({ templates: [{ intent: 'cpu', patterns: ['is {job} done'] }] }))).toThrow(PatternSyntaxError);
    // The recogniser's phrasings are checked at start too, not at the first spoken turn.
    expect(build(area({ templates: [{ intent: 'cpu', patterns: ['cpu'], spoken: ['(cpu'] }] }))).toThrow(
      PatternSyntaxError,
    );
    expect(() => createRouter({ areas: [area({}), area({})] })).toThrow(/registered twice/);
  });

  it('lets an area add a pattern to an intent the core or another area answers', () => {
    const router = createRouter({
      areas: [...routerAreas(), area({ templates: [{ intent: 'cpu', patterns: ['how hard is the box thinking'] }] })],
    });
    expect(router.match('how hard is the box thinking', testVocabulary)?.intent).toBe('cpu');
  });

  it("collects every slot's names, and a provider that fails gives none instead of failing the turn", async () => {
    const router = createRouter({
      areas: [
        area({ name: 'good', slots: [{ name: 'job', values: async () => ['photos', ''], resolve: () => null }] }),
        area({
          name: 'down',
          slots: [{ name: 'share', values: () => Promise.reject(new Error('NAS unreachable')), resolve: () => null }],
        }),
        area({
          name: 'broken',
          slots: [
            {
              name: 'vm',
              values: () => {
                throw new Error('sync failure');
              },
              resolve: () => null,
            },
          ],
        }),
      ],
    });
    expect(await router.vocabulary()).toEqual({ job: ['photos'], share: [], vm: [] });
  });

  it('leaves a status part out when it fails, and keeps the others', async () => {
    const failing = area({ name: 'failing', status: () => Promise.reject(new Error('boom')) });
    const steady = area({ name: 'steady', status: async () => ({ clause: 'the backups ran', problem: false }) });
    const router = createRouter({ areas: [...routerAreas(), failing, steady] });
    const invoke = async (tool: string): Promise<InvokeOutcome> =>
      tool === 'system_status'
        ? { status: 'ok', tool, output: '', data: snapshotFixture({ filesystems: [] }) }
        : { status: 'error', tool, message: "I can't reach Docker." };
    const reply = await router.answer(router.match('status', testVocabulary)!, invoke);
    expect(reply).toEqual({
      kind: 'answer',
      text: "CPU is at 12 percent, memory at 41 percent, and I can't reach Docker, and the backups ran.",
    });
  });
});
