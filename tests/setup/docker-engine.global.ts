/**
 * vitest global setup: the private Docker test engine (scripts/docker-test-engine.sh) is started before
 * the suite when this machine can run it, and stopped after it, so `npm test` needs no step of its own
 * and leaves nothing running. An engine that was already answering (a developer's, or one named by
 * SYSVOX_TEST_DOCKER_HOST) is used as it is and left alone.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const script = resolve(import.meta.dirname, '..', '..', 'scripts', 'docker-test-engine.sh');

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((folder) => {
    try {
      accessSync(join(folder, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

async function engineAnswers(): Promise<boolean> {
  return run(script, ['status']).then(
    () => true,
    () => false,
  );
}

/** Why this run cannot start the engine itself, or undefined when it can. */
function cannotStart(): string | undefined {
  if (process.env.SYSVOX_TEST_DOCKER_HOST) return 'SYSVOX_TEST_DOCKER_HOST names an engine';
  if (!onPath('dockerd')) return 'dockerd is not installed (./scripts/setup.sh installs docker.io)';
  if (process.getuid?.() !== 0) return 'dockerd needs root';
  return undefined;
}

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const reason = cannotStart();
  // SYSVOX_TEST_DOCKER_DIR moves the private engine (socket, data, pid file); the tests find it through
  // SYSVOX_TEST_DOCKER_HOST, which the test workers inherit from here.
  const movedTo = process.env.SYSVOX_TEST_DOCKER_DIR;
  if (!reason && movedTo) process.env.SYSVOX_TEST_DOCKER_HOST = `unix://${movedTo.replace(/\/$/, '')}/docker.sock`;
  if (reason || (await engineAnswers())) {
    if (reason) process.stderr.write(`docker test engine: not started here (${reason})\n`);
    return undefined;
  }
  process.stderr.write('docker test engine: starting a private dockerd for this run\n');
  try {
    await run(script, ['start'], { timeout: 180_000 });
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim() || String(error);
    process.stderr.write(`docker test engine: did not start; Docker tests will say why they skip\n${detail}\n`);
    await run(script, ['stop']).catch(() => undefined);
    return undefined;
  }
  return async () => {
    await run(script, ['stop'], { timeout: 60_000 }).catch((error: unknown) => {
      process.stderr.write(`docker test engine: stop failed: ${String(error)}\n`);
    });
  };
}
