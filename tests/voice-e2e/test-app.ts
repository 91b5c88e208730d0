/**
 * An app for voice end-to-end tests, built through createApp with real wiring: SQLite in a temp
 * data dir, a YAML config (pocketsphinx + espeak-ng, no Ollama), and the private Docker engine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listenToFile, type ListenFileResult } from '../../channels/local/listen-file.js';
import type { LocalChannelEvent } from '../../channels/local/ports.js';
import { createApp, type App } from '../../src/app/main.js';
import { writeWav } from '../../voice/audio/wav.js';
import type { Pcm16 } from '../../voice/stt/stt.js';
import { testDockerHost } from '../helpers/docker-engine.js';

export const checkout = resolve(import.meta.dirname, '..', '..');
export const dockerHost = testDockerHost();

export interface TestApp {
  app: App;
  folder: string;
  /** Runs the pipeline over this audio as `listen --file` does. */
  listen(audio: Pcm16, onEvent?: (event: LocalChannelEvent) => void): Promise<ListenFileResult>;
  close(): Promise<void>;
}

export async function createTestApp(options: { voiceYaml?: string } = {}): Promise<TestApp> {
  const folder = mkdtempSync(join(tmpdir(), 'sysvox-voice-e2e-'));
  const configPath = join(folder, 'sysvox.yaml');
  writeFileSync(
    configPath,
    [
      'ollama:',
      '  host: http://127.0.0.1:9',
      'voice:',
      '  stt:',
      '    engines: [pocketsphinx]',
      '  tts:',
      '    engines: [espeak-ng]',
      '  followUpSeconds: 4',
      options.voiceYaml ?? '',
    ].join('\n'),
  );
  const env = { ...process.env, SYSVOX_DATA: join(folder, 'data'), SYSVOX_CONFIG: configPath, DOCKER_HOST: dockerHost };
  const app = await createApp({ logTo: 'stderr', logLevel: 'warn', env });
  let count = 0;
  return {
    app,
    folder,
    async listen(audio, onEvent) {
      count += 1;
      const path = join(folder, `input-${count}.wav`);
      writeFileSync(path, writeWav(audio.samples));
      return listenToFile({
        runChannel: (run) => app.voice.runChannel(run),
        path,
        outPath: join(folder, `reply-${count}.wav`),
        onEvent,
      });
    },
    async close() {
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Starts the private Docker engine with its fixture containers; false (or a throw under CI) when it cannot run. */
export function dockerEngineReady(): boolean {
  const script = join(checkout, 'scripts', 'docker-test-engine.sh');
  const status = spawnSync('sh', [script, 'status'], { encoding: 'utf8' });
  if (status.status === 0) return true;
  const started = spawnSync('sh', [script, 'start'], { encoding: 'utf8', timeout: 120_000 });
  if (started.status === 0) return true;
  if (process.env.CI === 'true') throw new Error(`CI=true and the Docker test engine did not start: ${started.stderr}`);
  console.warn(`skipping Docker scenario: scripts/docker-test-engine.sh start failed: ${started.stderr.slice(-300)}`);
  return false;
}

export function containerStartedAt(name: string): string {
  return execFileSync('docker', ['inspect', '-f', '{{.State.StartedAt}}', name], {
    encoding: 'utf8',
    env: { ...process.env, DOCKER_HOST: dockerHost },
  }).trim();
}
