import { describe, expect, it } from 'vitest';
import { createRecordingSink } from '../../channels/local/audio-sinks.js';
import { createLocalVoiceChannel } from '../../channels/local/local-voice-channel.js';
import { createMicrophoneChannel, type MicrophoneLoop } from '../../channels/local/microphone-channel.js';
import { silentLogger } from '../../src/log.js';
import { FakeStt } from '../../voice/stt/fake-stt.js';
import { FakeTts } from '../../voice/tts/fake-tts.js';
import { ScriptedCore, energyEndpointers } from './channel-fakes.js';
import { FakeWake } from '../../voice/wake/fake-wake.js';

const notice = { key: 'alert:disk:/', severity: 'warning' as const, text: 'Disk / is 95% full.' };
const noMicrophone =
  'no capture device (arecord -l lists none); plug in a microphone and check `sysvox devices`, or use `sysvox listen --file`';

/** A mic loop like the voice app's: silence frames every 20 ms until its signal aborts. */
function silentLoop(tts: FakeTts): MicrophoneLoop & { runs: number } {
  const loop = {
    runs: 0,
    async runMicrophone(options: Parameters<MicrophoneLoop['runMicrophone']>[0]) {
      loop.runs += 1;
      async function* frames() {
        while (!options.signal?.aborted) {
          yield new Int16Array(1280);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
      const channel = createLocalVoiceChannel({
        core: new ScriptedCore([]),
        source: frames(),
        sink: createRecordingSink(),
        wake: new FakeWake([]),
        createEndpointer: energyEndpointers,
        stt: new FakeStt('fake', []),
        tts,
        vocabulary: async () => ({ containers: [], hosts: [], mounts: [] }),
      });
      options.onListening?.(channel);
      await channel.run({ signal: options.signal });
      return { started: true, reason: 'stopped' };
    },
  };
  return loop;
}

describe('the microphone channel', () => {
  it('with no capture device, starts without a crash and its health says why; notices are skipped with that reason', async () => {
    const channel = createMicrophoneChannel({
      loop: { runMicrophone: async () => ({ started: false, reason: noMicrophone }) },
      log: silentLogger,
    });
    await channel.start(new AbortController().signal);
    expect(channel.health()).toEqual({ status: 'failed', detail: noMicrophone });
    expect(await channel.notify(notice)).toEqual({
      status: 'skipped',
      detail: `the microphone loop is not running: ${noMicrophone}`,
    });
  });

  it('runs the mic loop in the background, speaks a notice through it, and stops it', async () => {
    const tts = new FakeTts();
    const loop = silentLoop(tts);
    const channel = createMicrophoneChannel({ loop, log: silentLogger });
    await channel.start(new AbortController().signal);
    expect(channel.health().status).toBe('running');

    expect(await channel.notify(notice)).toEqual({ status: 'delivered', detail: 'spoken' });
    expect(tts.spoken).toEqual(['Disk slash is 95 percent full.']);

    await channel.stop();
    expect(channel.health().status).toBe('stopped');
    expect(loop.runs).toBe(1);
    expect((await channel.notify(notice)).status).toBe('skipped');
  });
});
