/**
 * A fresh Debian root for the installer's test: debootstrap (minbase) of this machine's release from
 * this machine's Debian mirror, entered with chroot. What the root gets from this machine is only what
 * a new machine on the same network would have: the mirror, DNS, and the network's extra CA
 * certificates (with npm told to use the system bundle when this machine's npm is). Caches are shared
 * to save time: apt's downloaded packages and npm's cache. The checkout is mounted read-only at
 * /src/sysvox and the model mirror read-only at /mirror.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

export interface DebianRoot {
  path: string;
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
  sh(['debootstrap', '--variant=minbase', suite, path, mirror], 'debootstrap');
  const bind = (from: string, to: string, readOnly: boolean): void => {
    mkdirSync(join(path, to), { recursive: true });
    sh(['mount', '--bind', from, join(path, to)], `mount ${from}`);
    sh(['mount', '--make-private', join(path, to)], `make ${to} private`);
    if (readOnly) sh(['mount', '-o', 'remount,ro,bind', join(path, to)], `remount ${to} read-only`);
  };
  try {
    sh(['mount', '-t', 'proc', 'proc', join(path, 'proc')], 'mount proc');
    bind(binds.checkout, 'src/sysvox', true);
    bind(binds.modelMirror, 'mirror', true);
    bind('/var/cache/apt/archives', 'var/cache/apt/archives', false);
    const npmCache = spawnSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).stdout.trim();
    if (npmCache && existsSync(npmCache)) bind(npmCache, 'root/.npm', false);
    copyFileSync('/etc/resolv.conf', join(path, 'etc', 'resolv.conf'));
    const extraCas = '/usr/local/share/ca-certificates';
    if (existsSync(extraCas)) {
      mkdirSync(join(path, extraCas), { recursive: true });
      for (const file of readdirSync(extraCas)) copyFileSync(join(extraCas, file), join(path, extraCas, file));
    }
    const cafile = spawnSync('npm', ['config', 'get', 'cafile'], { encoding: 'utf8' }).stdout.trim();
    if (cafile.startsWith('/etc/ssl/certs/')) writeFileSync(join(path, 'etc', 'npmrc'), `cafile=${cafile}\n`);
  } catch (error) {
    unmountAll(path);
    throw error;
  }
  return {
    path,
    run: (command, env = {}) =>
      spawnSync(
        'chroot',
        [path, '/usr/bin/env', '-i', `PATH=${cleanPath}`, 'HOME=/root', 'LANG=C.UTF-8', ...envPairs(env), ...command],
        { encoding: 'utf8', maxBuffer: 64 << 20 },
      ),
    remove: () => {
      unmountAll(path);
      const left = mountsUnder(path);
      if (left.length > 0) throw new Error(`still mounted, not deleting ${path}: ${left.join(', ')}`);
      rmSync(path, { recursive: true, force: true });
    },
  };
}

function envPairs(env: Record<string, string>): string[] {
  return Object.entries(env).map(([key, value]) => `${key}=${value}`);
}

function unmountAll(path: string): void {
  for (const point of mountsUnder(path)) spawnSync('umount', ['-l', point]);
}
