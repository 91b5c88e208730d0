/**
 * The service with its microphone on for a long time (`npm run bench:voice-soak -- --minutes 60`):
 * `sysvox run` (the built CLI) listens on ALSA's file plugin, a FIFO fed with silence at real-time
 * pace, and is asked "hey jarvis, what is the memory usage" every few minutes (`--question-every N`,
 * 0 for never). Reports the service's RSS when idle and listening (wake word and VAD loaded) and at the
 * end, and its CPU seconds per hour, children included (arecord, pocketsphinx, espeak-ng, aplay).
 * Targets: idle RSS <= 150 MB; RSS at the end within 10 % of the start.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, checkout } from '../tests/cli/cli-harness.js';
import { alsaFileDevicesProblem, createAlsaFileDevices } from '../tests/helpers/alsa-file-devices.js';
import { concatPcm, silence, speak } from '../tests/helpers/audio-fixtures.js';

const idleRssTargetMb = 150;
/** /proc/<pid>/stat times are in clock ticks; 100 on every Linux this runs on (getconf CLK_TCK). */
const ticksPerSecond = 100;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`--${name} takes a number of minutes, not "${process.argv[at + 1]}"`);
  return value;
}

/** VmRSS of a process, in MB. */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) / 1024;
}

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces): [0] is the state. */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** The running children of a process, by their parent pid. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((child) => {
      try {
        return Number(statFields(child)[1]) === pid;
      } catch {
        return false;
      }
    });
}

/** CPU seconds of the service: its own, its finished children's, and its running children's (arecord). */
function cpuSeconds(pid: number): number {
  const [, , , , , , , , , , , utime, stime, cutime, cstime] = statFields(pid).map(Number);
  const running = childrenOf(pid).reduce((total, child) => {
    const fields = ifRunning(() => statFields(child).map(Number), []);
    return total + (fields[11] ?? 0) + (fields[12] ?? 0);
  }, 0);
  return (utime! + stime! + cutime! + cstime! + running) / ticksPerSecond;
}

/** The service and its running children (arecord), in MB. */
function totalRssMb(pid: number): number {
  return childrenOf(pid).reduce((total, child) => total + ifRunning(() => rssMb(child), 0), rssMb(pid));
}

/** A short-lived child (the sampler's ps, df) may exit between listing it and reading its /proc files. */
function ifRunning<T>(read: () => T, gone: T): T {
  try {
    return read();
  } catch {
    return gone;
  }
}

/** The node flags of the unit's ExecStart and its memory variables (MALLOC_*), so the bench measures the service as installed. */
function unitSettings(): { nodeFlags: string[]; env: Record<string, string> } {
  const unit = readFileSync(join(checkout, 'systemd', 'sysvox.service'), 'utf8');
  const execStart = /^ExecStart=(.+)$/m.exec(unit)?.[1]?.split(/\s+/) ?? [];
  const env = Object.fromEntries(
    [...unit.matchAll(/^Environment=(MALLOC_\w+)=(\S+)$/gm)].map(([, name, value]) => [name!, value!]),
  );
  return { nodeFlags: execStart.slice(1).filter((part) => part.startsWith('--')), env };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const minutes = option('minutes', 60);
  const questionEvery = option('question-every', 5);
  const problem = alsaFileDevicesProblem();
  if (problem) throw new Error(problem);
  buildCli();
  const folder = mkdtempSync(join(tmpdir(), 'sysvox-soak-'));
  const devices = createAlsaFileDevices();
  writeFileSync(
    join(folder, 'sysvox.yaml'),
    [
      'voice:',
      '  enabled: true',
      '  followUpSeconds: 1',
      '  audio:',
      '    backend: alsa',
      `    captureDevice: ${devices.captureDevice}`,
      `    playbackDevice: ${devices.playbackDevice}`,
      '  stt:',
      '    engines: [pocketsphinx]',
      '  tts:',
      '    engines: [espeak-ng]',
      'alerts:',
      '  enabled: false',
      '',
    ].join('\n'),
  );
  const unit = unitSettings();
  console.log(
    `as systemd/sysvox.service runs it: node ${unit.nodeFlags.join(' ')}; ${Object.entries(unit.env)
      .map(([name, value]) => `${name}=${value}`)
      .join(' ')}`,
  );
  const service = spawn(process.execPath, [...unit.nodeFlags, join(checkout, 'bin', 'sysvox.js'), 'run'], {
    cwd: folder,
    env: {
      ...process.env,
      ...unit.env,
      SYSVOX_CONFIG: join(folder, 'sysvox.yaml'),
      SYSVOX_DATA: join(folder, 'data'),
      SYSVOX_OLLAMA_HOST: 'http://127.0.0.1:9',
      ...devices.env,
    },
  });
  let log = '';
  service.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  service.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  const exited = new Promise<number | null>((resolve) => service.on('exit', (code) => resolve(code)));
  const count = (message: string) => log.split('\n').filter((line) => line.includes(`"message":"${message}"`)).length;
  try {
    const deadline = Date.now() + 120_000;
    while (!log.includes('"message":"ready:')) {
      if (service.exitCode !== null || Date.now() > deadline) throw new Error(`the service did not get ready:\n${log}`);
      await sleep(200);
    }
    if (!log.includes('voice running')) throw new Error(`the microphone is not running:\n${log}`);
    // Settle: the first frames through the wake word and VAD models, the startup garbage collected.
    await sleep(10_000);
    const pid = service.pid!;
    const start = { at: Date.now(), rss: rssMb(pid), total: totalRssMb(pid), cpu: cpuSeconds(pid) };
    console.log(
      `idle and listening: RSS ${start.rss.toFixed(1)} MB (with arecord ${start.total.toFixed(1)} MB); target <= ${idleRssTargetMb} MB`,
    );
    const question = concatPcm(
      silence(300),
      speak('hey jarvis'),
      silence(400),
      speak('what is the memory usage'),
      silence(1500),
    ).samples;
    let asked = 0;
    const end = start.at + minutes * 60_000;
    let nextQuestion = questionEvery > 0 ? start.at + questionEvery * 60_000 : Infinity;
    while (Date.now() < end) {
      if (service.exitCode !== null)
        throw new Error(`the service exited with ${service.exitCode}:\n${log.slice(-2000)}`);
      if (Date.now() >= nextQuestion) {
        asked += 1;
        await devices.say(question);
        nextQuestion += questionEvery * 60_000;
      }
      await sleep(Math.min(5000, Math.max(0, end - Date.now())));
    }
    // The last answer finishes before the end is measured.
    await sleep(asked > 0 ? 10_000 : 0);
    const finish = { at: Date.now(), rss: rssMb(pid), total: totalRssMb(pid), cpu: cpuSeconds(pid) };
    const hours = (finish.at - start.at) / 3_600_000;
    const cpuPerHour = (finish.cpu - start.cpu) / hours;
    console.log(
      `ran ${(hours * 60).toFixed(1)} minutes; asked ${asked}, heard ${count('heard')} (wake words: ${count('wake word')})`,
    );
    console.log(
      `RSS: ${start.rss.toFixed(1)} MB -> ${finish.rss.toFixed(1)} MB (x${(finish.rss / start.rss).toFixed(3)}); with children ${start.total.toFixed(1)} -> ${finish.total.toFixed(1)} MB`,
    );
    console.log(
      `CPU: ${cpuPerHour.toFixed(1)} s per hour, children included (${((100 * cpuPerHour) / 3600).toFixed(2)} % of one core)`,
    );
    console.log(
      `idle RSS ${start.rss <= idleRssTargetMb ? 'meets' : 'MISSES'} the ${idleRssTargetMb} MB target; growth ${finish.rss <= start.rss * 1.1 ? 'within' : 'ABOVE'} 10 %`,
    );
  } finally {
    if (service.exitCode === null) service.kill('SIGTERM');
    const code = await Promise.race([exited, sleep(20_000).then(() => 'still running')]);
    if (code === 'still running') service.kill('SIGKILL');
    else console.log(`stopped on SIGTERM with exit code ${code}`);
    devices.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
