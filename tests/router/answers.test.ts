import { describe, expect, it } from 'vitest';
import {
  cpuAnswer,
  diskAnswer,
  loadAnswer,
  memoryAnswer,
  statusAnswer,
  temperatureAnswer,
  topProcessesAnswer,
  uptimeAnswer,
} from '../../tools/system/answers.js';
import {
  containerLogsAnswer,
  containersStatus,
  containerStatusAnswer,
  listContainersAnswer,
  unhealthyContainersAnswer,
} from '../../tools/docker/answers.js';
import { helpAnswer } from '../../src/router/help-answer.js';
import { routerLexicon } from '../helpers/router-areas.js';
import { containerFixture, healthyContainers, snapshotFixture, troubledContainers } from './fixtures.js';

/** What a listener would trip over: markup read aloud, or a value that never arrived. */
function expectSpeakable(text: string): void {
  expect(text).not.toMatch(/[*`#|[\]{}]|undefined|NaN|null|\[object/);
  expect(text.length).toBeGreaterThan(10);
  expect(text).toMatch(/[.!?]$/);
}

describe('system answers', () => {
  const snapshot = snapshotFixture();

  it('says CPU, memory and that all containers are healthy', () => {
    const text = statusAnswer(snapshotFixture({ filesystems: [] }), [containersStatus(healthyContainers)]);
    expect(text).toBe('CPU is at 12 percent, memory at 41 percent, and all 3 containers are healthy.');
  });

  it('names the containers with problems and a nearly full disk', () => {
    const text = statusAnswer(snapshot, [containersStatus(troubledContainers)]);
    expect(text).toContain(
      '2 of 5 containers have problems: db-unhealthy is unhealthy and job-exited exited with code 3',
    );
    expect(text).toContain('/data is 95 percent full');
    expectSpeakable(text);
  });

  it("says when Docker can't be reached", () => {
    expect(statusAnswer(snapshot, [containersStatus(null)])).toContain("and I can't reach Docker.");
  });

  it('speaks CPU, memory, load, uptime and temperature with units spelled out', () => {
    const answers = [
      cpuAnswer(snapshot.cpu, snapshot.load),
      memoryAnswer(snapshot.memory),
      loadAnswer(snapshot.load),
      uptimeAnswer(snapshot.uptimeSeconds),
      temperatureAnswer(snapshot.temperature),
    ];
    expect(answers[0]).toBe('CPU is at 12 percent across 2 cores; load is 0.4.');
    expect(answers[1]).toBe('Memory is at 41 percent: 9.8 of 24 gigabytes used; swap is unused.');
    expect(answers[2]).toContain('0.4 over 1 minute');
    expect(answers[2]).toContain('That is light.');
    expect(answers[3]).toBe('The server has been up for 3 days and 4 hours.');
    expect(answers[4]).toBe('The CPU is at 48 degrees Celsius; the hottest sensor reads 55.');
    answers.forEach(expectSpeakable);
  });

  it('says so when there are no temperature sensors or no swap', () => {
    expect(temperatureAnswer({ available: false, mainCelsius: null, maxCelsius: null, coresCelsius: [] })).toBe(
      'This machine reports no temperature sensors.',
    );
    expect(memoryAnswer({ ...snapshot.memory, swapTotalBytes: 0 })).toContain('there is no swap');
  });

  it('speaks one mount, all mounts, and a mount that is not there', () => {
    expect(diskAnswer(snapshot.filesystems, '/')).toBe('The root filesystem is 37 percent full, 80 gigabytes free.');
    const all = diskAnswer(snapshot.filesystems);
    expect(all).toContain('The root filesystem is 37 percent full');
    expect(all).toContain('/data is 95 percent full, 50 gigabytes free');
    expect(diskAnswer(snapshot.filesystems, '/srv')).toBe("I can't find a filesystem mounted at /srv.");
  });

  it('names the top processes with their share', () => {
    const processes = [
      { pid: 1, name: 'node', cpuPercent: 30, memoryPercent: 4.12, memoryBytes: 1 },
      { pid: 2, name: 'postgres', cpuPercent: 3, memoryPercent: 3, memoryBytes: 1 },
      { pid: 3, name: 'dockerd', cpuPercent: 1, memoryPercent: 1.2, memoryBytes: 1 },
    ];
    expect(topProcessesAnswer(processes, 'memory')).toBe(
      'The most memory goes to node at 4.1 percent, then postgres at 3 percent and dockerd at 1.2 percent.',
    );
    expect(topProcessesAnswer(processes, 'cpu')).toContain('The most CPU goes to node at 30 percent');
  });

  it('never says NaN when a figure is missing', () => {
    const broken = snapshotFixture({ cpu: { totalPercent: Number.NaN, perCore: [] } });
    expectSpeakable(cpuAnswer(broken.cpu));
  });
});

describe('docker answers', () => {
  it('lists the problems, or says all containers are fine', () => {
    expect(unhealthyContainersAnswer(troubledContainers)).toBe(
      'db-unhealthy is unhealthy, job-exited exited with code 3.',
    );
    expect(unhealthyContainersAnswer(healthyContainers)).toBe('All 3 containers are fine.');
    expect(unhealthyContainersAnswer([])).toBe('There are no containers.');
  });

  it('lists running and stopped containers', () => {
    const text = listContainersAnswer(troubledContainers);
    expect(text).toContain('4 of 5 containers are running');
    expect(text).toContain('Not running: job-exited.');
    expectSpeakable(text);
  });

  it('says how many more are stopped than it names', () => {
    const stopped = Array.from({ length: 10 }, (_, index) =>
      containerFixture(`job-${index}`, 'exited', 'none', 'Exited (0) 1 hour ago'),
    );
    const text = listContainersAnswer([...healthyContainers, ...stopped]);
    expect(text).toBe(
      '3 of 13 containers are running: plex-server, web-healthy and nextcloud. Not running: job-0, job-1, job-2, job-3, job-4, job-5, job-6, job-7, and 2 more.',
    );
  });

  it('speaks a container status', () => {
    const details = { restartCount: 0, startedAt: null, exitCode: null, ports: [], lastHealthOutput: null };
    expect(containerStatusAnswer({ ...containerFixture('plex-server', 'running', 'healthy'), ...details })).toBe(
      'plex-server is running and healthy.',
    );
    expect(
      containerStatusAnswer({
        ...containerFixture('job-exited', 'exited', 'none', 'Exited (2) 2 hours ago'),
        ...details,
        exitCode: 2,
      }),
    ).toBe('job-exited is not running: it exited with code 2, 2 hours ago.');
    const unhealthy = containerStatusAnswer({
      ...containerFixture('db', 'running', 'unhealthy'),
      ...details,
      lastHealthOutput: '`pg_isready` failed **now**',
    });
    expect(unhealthy).toContain('db is running but unhealthy. The last health check said: pg_isready failed now');
    expectSpeakable(unhealthy);
  });

  it('reads the last lines of a log and counts the error lines', () => {
    const logs = {
      name: 'plex-server',
      stdout: ['one', 'two', 'three', 'four', 'five', 'six', '# seven'],
      stderr: ['warn a', 'error: disk full'],
      truncated: false,
    };
    const text = containerLogsAnswer(logs, 5);
    expect(text).toBe(
      "The last 5 lines of plex-server's log: three. four. five. six. # seven. It wrote 2 lines to its error stream, the last one: error: disk full.",
    );
    // A quoted log line keeps its '#' and '>' in text (issue 8); only speech may skip symbols.
    expectSpeakable(text.replace('# seven', 'seven'));
  });
});

describe('help', () => {
  it('lists what can be asked and done', () => {
    const text = helpAnswer(routerLexicon().templates);
    for (const topic of [
      'the CPU',
      'disk space',
      'which containers are unhealthy',
      'restart, stop or start a container',
      'remember a fact',
    ]) {
      expect(text).toContain(topic);
    }
    expectSpeakable(text);
  });
});
