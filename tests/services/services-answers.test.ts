/** What the services area says about a unit's state, its journal and its errors. */
import { describe, expect, it } from 'vitest';
import { unitErrorsAnswer, unitLogsAnswer, unitStatusAnswer } from '../../tools/services/answers.js';
import type { UnitStatus } from '../../tools/services/types.js';

const now = new Date('2026-12-02T17:00:00Z');
const status = (overrides: Partial<UnitStatus>): UnitStatus => ({
  host: 'local',
  unit: 'jellyfin.service',
  description: 'Jellyfin Media Server',
  loadState: 'loaded',
  activeState: 'active',
  subState: 'running',
  unitFileState: 'enabled',
  since: '2026-12-02T14:00:00.000Z',
  mainPid: 812,
  restarts: 0,
  result: 'success',
  memoryBytes: null,
  ...overrides,
});

describe('the services answers', () => {
  it('say how a unit is: running for how long, failed with why, stopped and disabled, on which host', () => {
    expect(unitStatusAnswer(status({}), now)).toBe('Jellyfin has been running for 3 hours.');
    expect(unitStatusAnswer(status({ activeState: 'failed', subState: 'failed', result: 'exit-code' }), now)).toBe(
      'Jellyfin failed 3 hours ago (exit-code).',
    );
    expect(
      unitStatusAnswer(
        status({ activeState: 'inactive', subState: 'dead', unitFileState: 'disabled', host: 'nas' }),
        now,
      ),
    ).toBe('Jellyfin on nas has been stopped for 3 hours. It is disabled, so it will not start at boot.');
  });

  it('say the last lines and the errors, or that there are none', () => {
    const entry = (message: string, priority = 'info') => ({ at: null, priority, message });
    const journal = { host: 'local', unit: 'nginx.service', truncated: false };
    expect(unitLogsAnswer({ ...journal, entries: [] }, 3)).toBe('The journal has no lines for nginx.');
    expect(unitLogsAnswer({ ...journal, entries: [entry('a'), entry('b', 'err'), entry('c')] }, 2)).toBe(
      'The last 2 lines from nginx, 1 error among them: b. c.',
    );
    expect(unitErrorsAnswer({ ...journal, entries: [] }, 1)).toBe('No errors from nginx in the last hour.');
    expect(unitErrorsAnswer({ ...journal, entries: [entry('x', 'err'), entry('bind failed', 'err')] }, 168)).toBe(
      '2 errors from nginx in the last 7 days. The last: bind failed.',
    );
  });
});
