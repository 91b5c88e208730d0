/**
 * The container checks against the real private Docker engine: an unhealthy container fires, one that
 * exits with 3 (or even 137) on its own fires, one that `docker stop` ends does not (whatever code its TERM
 * handler leaves), a restart loop fires, and an engine that cannot be reached fires docker-down and leaves
 * the container rules uncovered. Each case owns its containers; the engine's fixtures are read, never changed.
 */
import { randomUUID } from 'node:crypto';
import Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { alertsSchema } from '../../src/config/alerts-schema.js';
import { silentLogger } from '../../src/log.js';
import type { AlertCheck, CheckRun, Observation } from '../../src/toolkit/check.js';
import { createDockerArea } from '../../tools/docker/area.js';
import { createDockerClient } from '../../tools/docker/client.js';
import { describeDocker, testDockerEnv, testDockerHost, waitFor } from '../helpers/docker-engine.js';

const docker = new Docker({ socketPath: testDockerHost().replace('unix://', '') });
const created: string[] = [];

function checkOf(alerts: Record<string, unknown>, env: NodeJS.ProcessEnv = testDockerEnv()): AlertCheck {
  const client = createDockerClient({ env, socketPath: '/nonexistent/docker.sock', log: silentLogger });
  const area = createDockerArea({
    client,
    logLines: 10,
    logBytes: 1000,
    alerts: { config: alertsSchema.parse(alerts), log: silentLogger },
  });
  expect(area.checks).toHaveLength(1);
  return area.checks![0]!;
}

const run = (check: AlertCheck): Promise<CheckRun> => check.run(new AbortController().signal);

function about(result: CheckRun, rule: string, target: string): Observation | undefined {
  return result.observations.find((observation) => observation.rule === rule && observation.target === target);
}

/** Runs the check until it says something other than 'hold' about the container (a death is judged once settled). */
async function settled(check: AlertCheck, rule: string, target: string): Promise<Observation> {
  return waitFor(
    async () => {
      const seen = about(await run(check), rule, target);
      return seen && seen.condition !== 'hold' ? seen : undefined;
    },
    20_000,
    `${rule} on ${target} to settle`,
  );
}

async function container(
  prefix: string,
  script: string,
  options: { health?: string; restart?: string } = {},
): Promise<string> {
  const name = `sysvox-alert-${prefix}-${randomUUID().slice(0, 6)}`;
  created.push(name);
  const made = await docker.createContainer({
    name,
    Image: 'busybox:sysvox',
    Labels: { 'sysvox.test': '1' },
    Cmd: ['sh', '-c', script],
    HostConfig: { NetworkMode: 'none', ...(options.restart ? { RestartPolicy: { Name: options.restart } } : {}) },
    ...(options.health
      ? { Healthcheck: { Test: ['CMD-SHELL', options.health], Interval: 500e6, Timeout: 1e9, Retries: 1 } }
      : {}),
  });
  await made.start();
  return name;
}

const inspect = (name: string) => docker.getContainer(name).inspect();

async function exited(name: string): Promise<void> {
  await waitFor(
    async () => ((await inspect(name)).State.Status === 'exited' ? true : undefined),
    20_000,
    `${name} to exit`,
  );
}

afterAll(async () => {
  for (const name of created)
    await docker
      .getContainer(name)
      .remove({ force: true })
      .catch(() => undefined);
});

describeDocker('container checks on the real engine', () => {
  const idle = 'while true; do sleep 1; done';

  it('fires for an unhealthy container, offering a restart, and clears a healthy one', async () => {
    const sick = await container('sick', idle, { health: 'echo "db: connection refused"; exit 1' });
    const well = await container('well', idle, { health: 'true' });
    await waitFor(async () => ((await inspect(sick)).State.Health?.Status === 'unhealthy' ? true : undefined));
    await waitFor(async () => ((await inspect(well)).State.Health?.Status === 'healthy' ? true : undefined));
    const result = await run(checkOf({ rules: { containerUnhealthy: { for: '5m' } } }));
    expect(about(result, 'container-unhealthy', sick)).toEqual({
      rule: 'container-unhealthy',
      target: sick,
      host: 'local',
      condition: 'firing',
      severity: 'warning',
      summary: `${sick} is unhealthy`,
      recovery: `${sick} is healthy again`,
      for: 300_000,
      action: { tool: 'docker_restart', input: { name: sick } },
    });
    expect(about(result, 'container-unhealthy', well)).toMatchObject({
      condition: 'clear',
      recovery: `${well} is healthy again`,
    });
    expect(about(result, 'container-unhealthy', 'db-unhealthy')?.condition).toBe('firing');
    expect(result.covers).toEqual(
      ['container-unhealthy', 'container-exited', 'container-restart-loop', 'docker-down'].map((rule) => ({
        rule,
        host: 'local',
      })),
    );
  });

  it('watches and ignores by name or pattern (ignore wins), and honours offerRestart: false', async () => {
    const sick = await container('ignored', idle, { health: 'exit 1' });
    await waitFor(async () => ((await inspect(sick)).State.Health?.Status === 'unhealthy' ? true : undefined));
    const ignoring = await run(checkOf({ rules: { containerUnhealthy: { ignore: [sick] } } }));
    expect(about(ignoring, 'container-unhealthy', sick)).toBeUndefined();
    const pattern = `${sick.slice(0, 6)}*`;
    const byPattern = await run(checkOf({ rules: { containerUnhealthy: { ignore: [pattern] } } }));
    expect(about(byPattern, 'container-unhealthy', sick)).toBeUndefined();
    const watchingOthers = await run(checkOf({ rules: { containerUnhealthy: { watch: ['db-unhealthy'] } } }));
    expect(about(watchingOthers, 'container-unhealthy', sick)).toBeUndefined();
    expect(about(watchingOthers, 'container-unhealthy', 'db-unhealthy')).toMatchObject({ condition: 'firing' });
    const watchingIt = await run(checkOf({ rules: { containerUnhealthy: { watch: [pattern] } } }));
    expect(about(watchingIt, 'container-unhealthy', sick)).toMatchObject({ condition: 'firing' });
    const noOffer = await run(checkOf({ rules: { containerUnhealthy: { offerRestart: false } } }));
    expect(about(noOffer, 'container-unhealthy', sick)).toMatchObject({ condition: 'firing' });
    expect(about(noOffer, 'container-unhealthy', sick)!.action).toBeUndefined();
  });

  it('fires for a container that exits with a non-zero code on its own, even 137', async () => {
    const failed = await container('exit3', 'echo "backup failed"; exit 3');
    const killedItself = await container('exit137', 'sleep 0.2; exit 137');
    await exited(failed);
    await exited(killedItself);
    const check = checkOf({});
    expect(await settled(check, 'container-exited', failed)).toMatchObject({
      condition: 'firing',
      summary: `${failed} exited with code 3`,
      value: 3,
      action: { tool: 'docker_restart', input: { name: failed } },
    });
    expect(await settled(check, 'container-exited', killedItself)).toMatchObject({
      condition: 'firing',
      summary: `${killedItself} exited with code 137`,
    });
    expect(about(await run(check), 'container-exited', 'job-exited')?.condition).toBe('firing');
  });

  it('does not fire for a container someone stopped, whatever code it stopped with', async () => {
    const quick = 'while true; do sleep 0.1; done';
    const graceful = await container('graceful', `trap 'exit 0' TERM; ${quick}`);
    const sloppy = await container('sloppy', `trap 'exit 1' TERM; ${quick}`);
    const stubborn = await container('stubborn', quick); // PID 1 ignores SIGTERM: stop ends in SIGKILL, 137
    await Promise.all([graceful, sloppy, stubborn].map((name) => docker.getContainer(name).stop({ t: 2 })));
    const codes = await Promise.all(
      [graceful, sloppy, stubborn].map(async (name) => (await inspect(name)).State.ExitCode),
    );
    expect(codes).toEqual([0, 1, 137]);
    const check = checkOf({});
    expect(await settled(check, 'container-exited', graceful)).toMatchObject({
      condition: 'clear',
      recovery: `${graceful} exited cleanly`,
    });
    for (const name of [sloppy, stubborn]) {
      const seen = await settled(check, 'container-exited', name);
      expect(seen).toMatchObject({ condition: 'clear', recovery: `${name} was stopped` });
    }
  });

  it('clears an exited container once it runs again', async () => {
    const flaky = await container('flaky', `[ -f /tmp/ran ] && { ${idle}; }; touch /tmp/ran; exit 2`);
    await exited(flaky);
    const check = checkOf({});
    expect((await settled(check, 'container-exited', flaky)).condition).toBe('firing');
    await docker.getContainer(flaky).start();
    expect(about(await run(check), 'container-exited', flaky)).toMatchObject({
      condition: 'clear',
      recovery: `${flaky} is running again`,
    });
  });

  it('fires for a restart loop, and does not call each restart an unexpected exit', async () => {
    const looping = await container('loop', 'exit 1', { restart: 'always' });
    await waitFor(
      async () => ((await inspect(looping)).RestartCount >= 3 ? true : undefined),
      30_000,
      'three restarts',
    );
    const result = await run(checkOf({ rules: { containerRestartLoop: { restarts: 3, within: '1m' } } }));
    const loop = about(result, 'container-restart-loop', looping)!;
    expect(loop).toMatchObject({ condition: 'firing', severity: 'critical' });
    expect(loop.summary).toMatch(new RegExp(`^${looping} has restarted \\d+ times in 1 minute$`));
    expect(loop.value).toBeGreaterThanOrEqual(3);
    expect(about(result, 'container-exited', looping)?.condition).not.toBe('firing');
  }, 40_000);

  it('fires docker-down when the engine cannot be reached, leaving the container rules uncovered', async () => {
    const check = checkOf({}, { DOCKER_HOST: 'unix:///nonexistent/sysvox-docker.sock' });
    const result = await run(check);
    expect(result.observations).toEqual([
      {
        rule: 'docker-down',
        target: 'docker',
        host: 'local',
        condition: 'firing',
        severity: 'critical',
        summary: 'the Docker engine cannot be reached',
        recovery: 'the Docker engine answers again',
        for: 60_000,
      },
    ]);
    expect(result.covers).toEqual([{ rule: 'docker-down', host: 'local' }]);
    const reachable = await run(checkOf({}));
    expect(about(reachable, 'docker-down', 'docker')?.condition).toBe('clear');
  });
});

describe('container checks without alerts', () => {
  it('has no check when alerts are off', () => {
    const client = createDockerClient({ env: testDockerEnv(), log: silentLogger });
    const area = createDockerArea({ client, logLines: 10, logBytes: 1000 });
    expect(area.checks).toEqual([]);
    const off = createDockerArea({
      client,
      logLines: 10,
      logBytes: 1000,
      alerts: { config: alertsSchema.parse({ enabled: false }), log: silentLogger },
    });
    expect(off.checks).toEqual([]);
  });
});
