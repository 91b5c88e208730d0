/**
 * Real OpenSSH servers on loopback for the SSH tests and the fan-out benchmark: each "host" is its own
 * `/usr/sbin/sshd -D -e -f <config>` on its own port with its own ed25519 host key, all made by
 * ssh-keygen in a temp dir and accepting one temp client key. Run as root (PermitRootLogin
 * prohibit-password), or as the current user when not root. Without sshd the tests skip with the reason,
 * except under CI=true, where a missing sshd is a failure.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe } from 'vitest';

export const sshdPath = '/usr/sbin/sshd';

export interface TestSshHost {
  name: string;
  address: string;
  port: number;
  user: string;
  keyPath: string;
  /** OpenSSH's fingerprint of this host's key ("SHA256:..."). */
  hostKey: string;
  /** The host key's .pub file (for known_hosts tests). */
  hostKeyPublicPath: string;
}

export interface SshdHosts {
  dir: string;
  hosts: TestSshHost[];
  /** The sshd process serving a host (its children are the connections). */
  pidOf(name: string): number;
  /** How many connections the host's sshd is serving now (its child processes). */
  connectionCount(name: string): number;
  /** Kills every connection to the host from the server side (the sshd children), not the listener. */
  killConnections(name: string): number;
  stopHost(name: string): Promise<void>;
  startHost(name: string): Promise<void>;
  stop(): Promise<void>;
}

/** Why sshd cannot run here, or undefined. */
export const sshdProblem: string | undefined = !fs.existsSync(sshdPath)
  ? `${sshdPath} is missing; install openssh-server (scripts/setup.sh does)`
  : !fs.existsSync('/usr/bin/ssh-keygen')
    ? 'ssh-keygen is missing; install openssh-client'
    : undefined;

/** describe() that runs only where sshd exists; under CI=true a missing sshd fails. */
export function describeSshd(name: string, body: () => void): void {
  if (!sshdProblem) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      throw new Error(`${sshdProblem} (CI=true: sshd is required)`);
    });
    return;
  }
  describe.skip(`${name} [skipped: ${sshdProblem}]`, body);
}

function keygen(file: string, comment: string): void {
  execFileSync('/usr/bin/ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file], {
    stdio: 'ignore',
  });
}

function fingerprintFromKeygen(publicPath: string): string {
  const line = execFileSync('/usr/bin/ssh-keygen', ['-l', '-E', 'sha256', '-f', publicPath], { encoding: 'utf8' });
  return line.split(/\s+/)[1]!;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the port answers with an SSH banner. */
async function waitForBanner(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.setTimeout(1000, () => socket.destroy());
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString('latin1').startsWith('SSH-'));
      });
      socket.once('error', () => resolve(false));
      socket.once('close', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`sshd on port ${port} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) children.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return children;
}

/** SIGKILL to one process we started (or its child); one that already ended is fine. */
function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // it ended already
  }
}

export interface StartSshdOptions {
  names: readonly string[];
  /** Environment set for every session (sshd SetEnv), e.g. DOCKER_HOST of the test engine. */
  setEnv?: Readonly<Record<string, string>>;
  /** sshd's MaxSessions (channels per connection); default 20. */
  maxSessions?: number;
}

export async function startSshdHosts(options: StartSshdOptions): Promise<SshdHosts> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sysvox-sshd-'));
  const user = os.userInfo().username;
  const clientKey = path.join(dir, 'client_key');
  keygen(clientKey, 'sysvox-test-client');
  fs.copyFileSync(`${clientKey}.pub`, path.join(dir, 'authorized_keys'));
  if (process.getuid?.() === 0) fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const processes = new Map<string, ChildProcess>();
  const hosts: TestSshHost[] = [];
  for (const name of options.names) {
    const hostKeyPath = path.join(dir, `${name}_host_key`);
    keygen(hostKeyPath, `sysvox-test-${name}`);
    const port = await freePort();
    const setEnv = Object.entries(options.setEnv ?? {}).map(([key, value]) => `${key}=${value}`);
    fs.writeFileSync(
      path.join(dir, `${name}.conf`),
      [
        `Port ${port}`,
        'ListenAddress 127.0.0.1',
        `HostKey ${hostKeyPath}`,
        `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
        `PidFile ${path.join(dir, `${name}.pid`)}`,
        'PermitRootLogin prohibit-password',
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'StrictModes no',
        'UsePAM no',
        'MaxStartups 100',
        `MaxSessions ${options.maxSessions ?? 20}`,
        'LogLevel ERROR',
        'Subsystem sftp internal-sftp',
        ...(setEnv.length > 0 ? [`SetEnv ${setEnv.join(' ')}`] : []),
        '',
      ].join('\n'),
    );
    hosts.push({
      name,
      address: '127.0.0.1',
      port,
      user,
      keyPath: clientKey,
      hostKey: fingerprintFromKeygen(`${hostKeyPath}.pub`),
      hostKeyPublicPath: `${hostKeyPath}.pub`,
    });
  }
  const hostNamed = (name: string) => {
    const host = hosts.find((candidate) => candidate.name === name);
    if (!host) throw new Error(`no test host ${name}`);
    return host;
  };
  async function startHost(name: string): Promise<void> {
    const child = spawn(sshdPath, ['-D', '-e', '-f', path.join(dir, `${name}.conf`)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', () => {}); // sshd logs each connection; the tests read outcomes, not logs
    processes.set(name, child);
    await waitForBanner(hostNamed(name).port);
  }
  async function stopHost(name: string): Promise<void> {
    const child = processes.get(name);
    if (!child || child.exitCode !== null) return;
    const pid = child.pid!;
    for (const connection of childrenOf(pid)) killQuietly(connection);
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    processes.delete(name);
  }
  await Promise.all(options.names.map(startHost));
  return {
    dir,
    hosts,
    pidOf: (name) => processes.get(name)!.pid!,
    connectionCount: (name) => childrenOf(processes.get(name)!.pid!).length,
    killConnections(name) {
      const children = childrenOf(processes.get(name)!.pid!);
      for (const pid of children) killQuietly(pid);
      return children.length;
    },
    stopHost,
    startHost,
    async stop() {
      await Promise.all([...processes.keys()].map(stopHost));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
