/**
 * The two judgements the container check makes from history, on recorded data: whether an exit was a stop
 * someone asked for (event sequences as Docker 20.10 logs them), and how many restarts fall inside the
 * restart-loop window as RestartCount is sampled run after run.
 */
import { describe, expect, it } from 'vitest';
import type { ContainerCondition, ContainerEvent } from '../../tools/docker/container-condition.js';
import { parseEvents } from '../../tools/docker/container-condition.js';
import { verdictFromEvents, verdictFromState } from '../../tools/docker/exit-verdict.js';
import { createRestartWindow } from '../../tools/docker/restart-window.js';

function container(overrides: Partial<ContainerCondition> = {}): ContainerCondition {
  return {
    id: 'c0ffee',
    name: 'nextcloud',
    state: 'exited',
    health: 'none',
    exitCode: 1,
    oomKilled: false,
    restartCount: 0,
    restartPolicy: 'no',
    stopSignal: null,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    startedAt: new Date('2026-12-01T00:00:00Z'),
    finishedAt: new Date('2026-12-02T00:00:00Z'),
    ...overrides,
  };
}

/** `docker stop -t 2` of a container whose TERM handler exits 1, as the engine's /events sent it. */
const recordedStop = [
  '{"status":"start","id":"c0ffee","Type":"container","Action":"start","Actor":{"ID":"c0ffee","Attributes":{"image":"busybox:sysvox","name":"nextcloud"}},"scope":"local","time":1796196048,"timeNano":1796196048913170777}',
  '{"status":"kill","id":"c0ffee","Type":"container","Action":"kill","Actor":{"ID":"c0ffee","Attributes":{"image":"busybox:sysvox","name":"nextcloud","signal":"15"}},"scope":"local","time":1796196049,"timeNano":1796196049955121961}',
  '{"status":"die","id":"c0ffee","Type":"container","Action":"die","Actor":{"ID":"c0ffee","Attributes":{"exitCode":"1","image":"busybox:sysvox","name":"nextcloud"}},"scope":"local","time":1796196050,"timeNano":1796196050155208626}',
  '{"status":"stop","id":"c0ffee","Type":"container","Action":"stop","Actor":{"ID":"c0ffee","Attributes":{"image":"busybox:sysvox","name":"nextcloud"}},"scope":"local","time":1796196050,"timeNano":1796196050168823856}',
].join('\n');

const event = (action: string, at: number, extra: Partial<ContainerEvent> = {}): ContainerEvent => ({
  action,
  at,
  ...extra,
});

describe('exit verdict', () => {
  it('reads the engine events: a stop around the die means someone asked, a bare die means it failed', () => {
    const events = parseEvents(recordedStop);
    expect(events.map((each) => each.action)).toEqual(['start', 'kill', 'die', 'stop']);
    expect(events[1]).toMatchObject({ signal: '15' });
    expect(events[2]).toMatchObject({ exitCode: 1 });
    expect(verdictFromEvents(container(), events)).toBe('stopped');
    expect(verdictFromEvents(container(), [event('start', 1), event('die', 2, { exitCode: 1 })])).toBe('unexpected');
  });

  it('does not let the stop of an earlier run excuse a later crash', () => {
    const events = [
      event('kill', 1, { signal: '15' }),
      event('die', 2),
      event('stop', 3),
      event('start', 4),
      event('die', 5),
    ];
    expect(verdictFromEvents(container(), events)).toBe('unexpected');
  });

  it("counts a kill only with a signal that ends a program, or the container's own stop signal", () => {
    const hangup = [event('start', 1), event('kill', 2, { signal: '1' }), event('die', 3)];
    expect(verdictFromEvents(container(), hangup)).toBe('unexpected');
    const winch = [event('start', 1), event('kill', 2, { signal: '28' }), event('die', 3)];
    expect(verdictFromEvents(container(), winch)).toBe('unexpected');
    expect(verdictFromEvents(container({ stopSignal: 'SIGWINCH' }), winch)).toBe('stopped');
    expect(verdictFromEvents(container(), [event('kill', 2, { signal: 'SIGKILL' }), event('die', 3)])).toBe('stopped');
  });

  it('falls back to the exit code when the engine no longer holds the die', () => {
    expect(verdictFromEvents(container({ exitCode: 143 }), [])).toBe('stopped');
    expect(verdictFromEvents(container({ exitCode: 137 }), [])).toBe('stopped');
    expect(verdictFromEvents(container({ exitCode: 2 }), [])).toBe('unexpected');
  });

  it('decides from the container alone when it can', () => {
    expect(verdictFromState(container({ exitCode: 0 }))).toBe('clean');
    expect(verdictFromState(container({ exitCode: 137, oomKilled: true }))).toBe('unexpected');
    expect(verdictFromState(container({ restartPolicy: 'unless-stopped' }))).toBe('stopped');
    expect(verdictFromState(container({ restartPolicy: 'on-failure' }))).toBeUndefined();
  });
});

describe('restart window', () => {
  const minute = 60_000;
  const start = Date.parse('2026-12-02T10:00:00Z');
  const at = (minutes: number) => start + minutes * minute;
  const sample = (restartCount: number) => container({ state: 'running', restartCount });

  it('holds while its samples do not yet span the window, then counts restarts inside it', () => {
    const window = createRestartWindow(10 * minute);
    expect(window.record(sample(40), at(0))).toEqual({ restarts: 0, complete: false });
    expect(window.record(sample(41), at(1))).toEqual({ restarts: 1, complete: false });
    expect(window.record(sample(44), at(4))).toEqual({ restarts: 4, complete: false });
    expect(window.record(sample(44), at(11))).toEqual({ restarts: 4, complete: true });
    // At minute 15 the baseline is minute 4's sample, the last one before the window: earlier restarts fall out.
    expect(window.record(sample(44), at(15))).toEqual({ restarts: 0, complete: true });
  });

  it('counts every restart of a container created inside the window', () => {
    const window = createRestartWindow(10 * minute);
    const young = container({ state: 'restarting', restartCount: 5, createdAt: new Date(at(-2)) });
    expect(window.record(young, at(0))).toEqual({ restarts: 5, complete: true });
  });

  it('starts afresh when a hand-made start resets the count, and forgets removed containers', () => {
    const window = createRestartWindow(10 * minute);
    window.record(sample(30), at(0));
    expect(window.record(sample(2), at(1))).toEqual({ restarts: 0, complete: false });
    window.keepOnly(new Set());
    expect(window.record(sample(9), at(2))).toEqual({ restarts: 0, complete: false });
  });
});
