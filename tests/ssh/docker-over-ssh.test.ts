/**
 * Docker on another host, over the pooled SSH connection (`docker system dial-stdio` on a real sshd
 * whose sessions point DOCKER_HOST at the private test engine): the same containers as the local
 * client sees, an action that works, and hostile text in the engine's output that stays inert text.
 */
import fs from 'node:fs';
import Docker from 'dockerode';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { createDockerClient, type DockerClient } from '../../tools/docker/client.js';
import { createSshDockerAgent } from '../../tools/ssh/docker-over-ssh.js';
import { createHostCommands, type PooledHostCommands } from '../../tools/ssh/host-commands.js';
import { describeDocker, testDockerEnv, testDockerHost } from '../helpers/docker-engine.js';
import { describeSshd, startSshdHosts, type SshdHosts } from '../helpers/sshd.js';

const marker = `/tmp/sysvox-ssh-pwned-${process.pid}`;
const hostileLabel = `$(touch ${marker}) \`touch ${marker}\``;
const containerName = 'ssh-hostile-out';

let sshd: SshdHosts;
let commands: PooledHostCommands;
let remote: DockerClient;
let local: DockerClient;
const engine = new Docker({ socketPath: testDockerHost().replace('unix://', '') });

describeDocker('Docker on another host over SSH', () => {
  describeSshd('through real sshd', () => {
    beforeAll(async () => {
      sshd = await startSshdHosts({ names: ['nas'], setEnv: { DOCKER_HOST: testDockerHost() } });
      commands = createHostCommands({ hosts: sshd.hosts, env: { ...process.env, ...testDockerEnv() } });
      remote = createDockerClient({
        log: silentLogger,
        remote: {
          agent: createSshDockerAgent({ pool: commands.pool, host: 'nas' }),
          describe: 'the Docker engine of nas',
        },
      });
      local = createDockerClient({ log: silentLogger, env: testDockerEnv() });
      await engine
        .getContainer(containerName)
        .remove({ force: true })
        .catch(() => undefined);
      const container = await engine.createContainer({
        name: containerName,
        Image: 'busybox:sysvox',
        Cmd: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'],
        Labels: { note: hostileLabel },
        Env: ['DB_PASSWORD=hunter2-correct-horse-battery'],
      });
      await container.start();
    });
    afterAll(async () => {
      await engine
        .getContainer(containerName)
        .remove({ force: true })
        .catch(() => undefined);
      commands?.close();
      await sshd?.stop();
      fs.rmSync(marker, { force: true });
    });

    it('lists the same containers as the engine itself, over the pooled connection', async () => {
      const [there, here] = await Promise.all([
        remote.listContainers({ all: true }),
        local.listContainers({ all: true }),
      ]);
      // Other test files create and remove their own sysvox-test-* containers meanwhile: compare the fixtures.
      const fixtures = (list: typeof there) =>
        list.filter((container) => !container.name.startsWith('sysvox-test-')).map((container) => container.name);
      expect(fixtures(there)).toEqual(fixtures(here));
      expect(fixtures(there).length).toBeGreaterThan(3);
      expect(there.map((container) => container.name)).toContain(containerName);
      expect(sshd.connectionCount('nas')).toBe(1);
    });

    it('inspects and restarts a container there', async () => {
      const before = await remote.inspect(containerName);
      expect(before.state).toBe('running');
      const result = await remote.act(containerName, 'restart');
      expect(result).toEqual({ name: containerName, action: 'restart', state: 'running' });
      const after = await local.inspect(containerName);
      expect(after.startedAt).not.toBe(before.startedAt);
    });

    it('keeps $(...) and backticks in output as inert text, over both paths', async () => {
      const inspected = await commands.run('nas', ['docker', 'inspect', containerName]);
      expect(inspected.exitCode).toBe(0);
      expect(JSON.parse(inspected.stdout)[0].Config.Labels.note).toBe(hostileLabel);
      const listed = await commands.run('nas', ['docker', 'ps', '-a', '--no-trunc', '--format', '{{json .}}']);
      expect(listed.stdout).toContain(containerName);
      const here = await commands.run('local', ['docker', 'inspect', containerName]);
      expect(here.stdout).toContain('$(touch');
      expect(fs.existsSync(marker)).toBe(false);
    });

    it('redacts secrets in remote output as in local output', async () => {
      for (const host of ['nas', 'local']) {
        const inspected = await commands.run(host, ['docker', 'inspect', containerName]);
        expect(inspected.stdout).toContain('DB_PASSWORD');
        expect(inspected.stdout).not.toContain('hunter2-correct-horse-battery');
      }
    });

    it('refuses a hostile container name before anything runs on the host', async () => {
      const fresh = createHostCommands({ hosts: sshd.hosts });
      try {
        for (const argv of [
          ['docker', 'restart', `x; touch ${marker}`],
          ['docker', 'inspect', `$(touch ${marker})`],
          ['docker', 'stop', '--time=0', 'web'],
        ]) {
          const error = (await fresh.run('nas', argv).catch((caught: unknown) => caught)) as {
            failure?: { kind: string };
          };
          expect(error.failure?.kind).toBe('refused');
        }
        expect(fresh.pool.state('nas').state).toBe('idle');
        expect(fs.existsSync(marker)).toBe(false);
      } finally {
        fresh.close();
      }
    });
  });
});
