/**
 * A fresh Debian root for the installer's test: debootstrap (minbase, with systemd) of this machine's
 * release from this machine's Debian mirror, booted with systemd-nspawn so that systemd is PID 1 inside
 * and the unit really starts; where nspawn cannot boot it, entered with chroot instead (no systemd). What the root gets from this machine is only what
 * a new machine on the same network would have: the mirror, DNS, and the network's extra CA
 * certificates (with npm told to use the system bundle when this machine's npm is). Caches are shared
 * to save time: apt's downloaded packages and npm's cache. The checkout is mounted read-only at
 * /src/sysvox and the model mirror read-only at /mirror.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';

export interface DebianRoot {
  path: string;
  /** 'systemd' when the root booted under systemd-nspawn, else 'chroot' (whyNotBooted says why). */
  mode: 'systemd' | 'chroot';
  whyNotBooted?: string;
  /** Runs a command inside the root as root, with a clean environment plus `env`. */
  run(command: string[], env?: Record<string, string>): SpawnSyncReturns<string>;
  /** Unmounts everything and deletes the root (only once nothing is mounted under it). */
  remove(): void;
}

const cleanPath = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The first Debian mirror this machine's apt uses, and its release codename. */
export function hostDebian(): { mirror: string; suite: string } {
  const osRelease = readFileSync('/etc/os-release', 'utf8');
  const suite = /^VERSION_CODENAME=(\S+)/m.exec(osRelease)?.[1] ?? 'bookworm';
  const sources = ['/etc/apt/sources.list.d/debian.sources', '/etc/apt/sources.list']
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  const mirror =
    /^URIs:\s*(http\S*\/debian)\s*$/m.exec(sources)?.[1] ??
    /^deb\s+(?:\[[^\]]*\]\s+)?(http\S*\/debian)\s/m.exec(sources)?.[1] ??
    'http://deb.debian.org/debian';
  return { mirror, suite };
}

/** Why a Debian root cannot be made here, or undefined when it can. */
export function whyNoDebianRoot(): string | undefined {
  if (process.getuid?.() !== 0) return 'debootstrap and chroot need root';
  for (const command of ['debootstrap', 'chroot', 'mount', 'curl']) {
    if (spawnSync('which', [command]).status !== 0) return `command ${command} (scripts/setup.sh installs it)`;
  }
  const { mirror, suite } = hostDebian();
  const probe = spawnSync('curl', ['-fsSI', '--max-time', '15', `${mirror}/dists/${suite}/Release`]);
  if (probe.status !== 0) return `the Debian mirror ${mirror} does not answer (curl exit ${probe.status})`;
  return undefined;
}

function must(result: SpawnSyncReturns<string>, what: string): SpawnSyncReturns<string> {
  if (result.status !== 0) throw new Error(`${what} failed (${result.status}): ${result.stderr || result.stdout}`);
  return result;
}

function sh(command: string[], what: string): SpawnSyncReturns<string> {
  return must(spawnSync(command[0]!, command.slice(1), { encoding: 'utf8', maxBuffer: 64 << 20 }), what);
}

function mountsUnder(path: string): string[] {
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[4] ?? '')
    .filter((point) => point === path || point.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length);
}

export function makeDebianRoot(path: string, binds: { checkout: string; modelMirror: string }): DebianRoot {
  const { mirror, suite } = hostDebian();
  // mkdtemp makes the folder 0700; as the root's "/" that would lock every other user out of the system.
  chmodSync(path, 0o755);
  sh(['debootstrap', '--variant=minbase', '--include=systemd,systemd-sysv,dbus', suite, path, mirror], 'debootstrap');
  copyNetworkSetup(path);
  const npmCache = spawnSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).stdout.trim();
  const caches: Array<[string, string]> = [['/var/cache/apt/archives', '/var/cache/apt/archives']];
  if (npmCache && existsSync(npmCache)) caches.push([npmCache, '/root/.npm']);
  const readOnly: Array<[string, string]> = [
    [binds.checkout, '/src/sysvox'],
    [binds.modelMirror, '/mirror'],
  ];
  const booted = bootWithNspawn(path, readOnly, caches);
  if ('leader' in booted) return bootedRoot(path, booted);
  mountForChroot(path, readOnly, caches);
  return {
    path,
    mode: 'chroot',
    whyNotBooted: booted.why,
    run: (command, env = {}) => spawnSync('chroot', [path, ...cleanEnv(env), ...command], spawnOptions),
    remove: () => removeRoot(path),
  };
}

const spawnOptions = { encoding: 'utf8', maxBuffer: 64 << 20 } as const;

function cleanEnv(env: Record<string, string>): string[] {
  const pairs = Object.entries(env).map(([key, value]) => `${key}=${value}`);
  return ['/usr/bin/env', '-i', `PATH=${cleanPath}`, 'HOME=/root', 'LANG=C.UTF-8', ...pairs];
}

/** DNS, the network's extra CA certificates, and npm told to use the system bundle as this machine's is. */
function copyNetworkSetup(path: string): void {
  copyFileSync('/etc/resolv.conf', join(path, 'etc', 'resolv.conf'));
  const extraCas = '/usr/local/share/ca-certificates';
  if (existsSync(extraCas)) {
    mkdirSync(join(path, extraCas), { recursive: true });
    for (const file of readdirSync(extraCas)) copyFileSync(join(extraCas, file), join(path, extraCas, file));
  }
  const cafile = spawnSync('npm', ['config', 'get', 'cafile'], { encoding: 'utf8' }).stdout.trim();
  if (cafile.startsWith('/etc/ssl/certs/')) writeFileSync(join(path, 'etc', 'npmrc'), `cafile=${cafile}\n`);
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function childOf(parent: number): number | undefined {
  for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    const stat = readFileSafe(`/proc/${name}/stat`);
    if (stat && Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) return Number(name);
  }
  return undefined;
}

function readFileSafe(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** systemd-nspawn -b in the background; the root's systemd (the leader) once it reports running. */
function bootWithNspawn(
  path: string,
  readOnly: Array<[string, string]>,
  caches: Array<[string, string]>,
): { nspawn: number; leader: number } | { why: string } {
  if (spawnSync('which', ['systemd-nspawn']).status !== 0) return { why: 'systemd-nspawn is not installed' };
  const log = openSync(join(path, '..', `${basename(path)}.nspawn.log`), 'w');
  const nspawn = spawn(
    'systemd-nspawn',
    [
      '-q',
      '-D',
      path,
      '-b',
      '--register=no',
      '--keep-unit',
      '--console=pipe',
      ...readOnly.map(([from, to]) => `--bind-ro=${from}:${to}`),
      ...caches.map(([from, to]) => `--bind=${from}:${to}`),
    ],
    { detached: true, stdio: ['ignore', log, log] },
  );
  nspawn.unref();
  const pid = nspawn.pid!;
  for (let waited = 0; waited < 120_000; waited += 500) {
    sleepSync(500);
    if (!alive(pid)) break;
    const leader = childOf(pid);
    if (leader === undefined) continue;
    const state = spawnSync('nsenter', ['-t', String(leader), '-a', 'systemctl', 'is-system-running'], spawnOptions);
    if (/^(running|degraded)/.test(state.stdout)) return { nspawn: pid, leader };
  }
  stopNspawn(pid);
  const logText = readFileSafe(join(path, '..', `${basename(path)}.nspawn.log`)) ?? '';
  return { why: `systemd-nspawn did not boot the root: ${logText.trim().split('\n').slice(-3).join(' / ')}` };
}

function stopNspawn(pid: number): void {
  if (!alive(pid)) return;
  process.kill(pid, 'SIGTERM'); // nspawn asks the root's systemd to halt
  for (let waited = 0; waited < 60_000 && alive(pid); waited += 250) sleepSync(250);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

function bootedRoot(path: string, booted: { nspawn: number; leader: number }): DebianRoot {
  return {
    path,
    mode: 'systemd',
    run: (command, env = {}) =>
      spawnSync('nsenter', ['-t', String(booted.leader), '-a', ...cleanEnv(env), ...command], spawnOptions),
    remove: () => {
      stopNspawn(booted.nspawn);
      rmSync(join(path, '..', `${basename(path)}.nspawn.log`), { force: true });
      removeRoot(path);
    },
  };
}

function mountForChroot(path: string, readOnly: Array<[string, string]>, caches: Array<[string, string]>): void {
  const bind = (from: string, to: string, ro: boolean): void => {
    mkdirSync(join(path, to), { recursive: true });
    sh(['mount', '--bind', from, join(path, to)], `mount ${from}`);
    sh(['mount', '--make-private', join(path, to)], `make ${to} private`);
    if (ro) sh(['mount', '-o', 'remount,ro,bind', join(path, to)], `remount ${to} read-only`);
  };
  try {
    sh(['mount', '-t', 'proc', 'proc', join(path, 'proc')], 'mount proc');
    for (const [from, to] of readOnly) bind(from, to, true);
    for (const [from, to] of caches) bind(from, to, false);
  } catch (error) {
    unmountAll(path);
    throw error;
  }
}

/** Unmounts what is left and deletes the root, only once nothing is mounted under it. */
function removeRoot(path: string): void {
  unmountAll(path);
  const left = mountsUnder(path);
  if (left.length > 0) throw new Error(`still mounted, not deleting ${path}: ${left.join(', ')}`);
  rmSync(path, { recursive: true, force: true });
}

function unmountAll(path: string): void {
  for (const point of mountsUnder(path)) spawnSync('umount', ['-l', point]);
}
