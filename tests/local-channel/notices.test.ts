/**
 * Notices on the microphone channel, with real speech: espeak-ng makes the audio, a recording sink
 * takes what would reach the speaker, and the test finds the notice's own espeak-ng audio in it.
 */
import { describe, expect, it } from 'vitest';
import { createRecordingSink, joinChunks, type RecordingSink } from '../../channels/local/audio-sinks.js';
import { createLocalVoiceChannel, type LocalVoiceChannel } from '../../channels/local/local-voice-channel.js';
import type { LocalChannelEvent } from '../../channels/local/ports.js';
import type { Notice, NoticeDelivery } from '../../src/core/channel.js';
import type { Core } from '../../src/core/turn.js';
import { earcon } from '../../voice/earcons/earcons.js';
import { toSpeakable } from '../../voice/speakable.js';
import { FakeStt } from '../../voice/stt/fake-stt.js';
import { createEspeakTts } from '../../voice/tts/espeak-tts.js';
import { FakeTts } from '../../voice/tts/fake-tts.js';
import type { AudioChunk, TextToSpeech } from '../../voice/tts/tts.js';
import { requireAudio } from '../helpers/audio-fixtures.js';
import { ScriptedCore, energyEndpointers, silenceFrames, toneFrames } from './channel-fakes.js';
import { FakeWake } from '../../voice/wake/fake-wake.js';

const espeak = requireAudio({ commands: ['espeak-ng'] });
const rate = 22050;
const diskFull: Notice = { key: 'alert:disk:/', severity: 'warning', text: 'Disk slash is 95% full.' };

/** A question (wake word at frame 1, a tone as speech), answered by a scripted core that can act mid-turn. */
function setup(options: {
  tts: TextToSpeech;
  duringTurn?: (channel: LocalVoiceChannel) => void;
  followUpSeconds?: number;
}) {
  const sink = createRecordingSink();
  const scripted = new ScriptedCore([{ sentences: ['Plex is healthy.'] }]);
  const core: Core = {
    handle(turn) {
      options.duringTurn?.(channel); // called once the loop runs, so channel is set
      return scripted.handle(turn);
    },
    resolveApproval: () => scripted.resolveApproval(),
    requestAction: () => scripted.requestAction(),
  };
  let framesRead = 0;
  const framesAtPlay: number[] = [];
  async function* source() {
    for (const frame of [...silenceFrames(160), ...toneFrames(800), ...silenceFrames(3000)]) {
      framesRead += 1;
      yield frame;
    }
  }
  const recording: RecordingSink = {
    ...sink,
    play: (chunk) => (framesAtPlay.push(framesRead), sink.play(chunk)),
    chunks: sink.chunks,
    stops: sink.stops,
    samples: sink.samples,
  };
  const channel = createLocalVoiceChannel({
    core,
    stt: new FakeStt('fake', ['is plex healthy']),
    tts: options.tts,
    sink: recording,
    wake: new FakeWake([1]),
    vocabulary: async () => ({ containers: ['plex'], hosts: [], mounts: ['/'] }),
    source: source(),
    createEndpointer: energyEndpointers,
    waitForReplies: true,
    settings: { followUpSeconds: options.followUpSeconds ?? 1 },
  });
  const events: LocalChannelEvent[] = [];
  return { channel, sink, framesAtPlay, events, run: () => channel.run({ onEvent: (event) => events.push(event) }) };
}

async function audioOf(tts: TextToSpeech, text: string): Promise<Buffer> {
  const chunks: AudioChunk[] = [];
  for await (const chunk of tts.synthesize(toSpeakable(text))) chunks.push(chunk);
  return Buffer.from(joinChunks(chunks, rate).buffer);
}

const bytes = (chunks: AudioChunk[]) => Buffer.from(joinChunks(chunks, rate).buffer);
const isEarcon = (chunk: AudioChunk, name: Parameters<typeof earcon>[0]) =>
  Buffer.compare(chunk.pcm, earcon(name).pcm) === 0;

describe.skipIf(espeak.skip)(`notices on the microphone${espeak.skip ? ` [skipped: ${espeak.reason}]` : ''}`, () => {
  it('a notice that arrives while a question is answered waits for the reply and the follow-up window, then follows the chime', async () => {
    const tts = createEspeakTts();
    const deliveries: Promise<NoticeDelivery>[] = [];
    const test = setup({ tts, duringTurn: (channel) => deliveries.push(channel.announce(diskFull)) });
    await test.run();

    expect(await deliveries[0]).toEqual({ status: 'queued', detail: 'waits until the conversation ends' });
    const chunks = test.sink.chunks.map((recorded) => recorded.chunk);
    const chime = chunks.findIndex((chunk) => isEarcon(chunk, 'alert'));
    const replyDone = chunks.findIndex((chunk) => isEarcon(chunk, 'done'));
    expect(replyDone).toBeGreaterThan(0);
    expect(chime).toBeGreaterThan(replyDone);
    // The reply was spoken before the chime, the notice after it, each word for word as espeak-ng says it.
    expect(bytes(chunks.slice(0, replyDone)).indexOf(await audioOf(tts, 'Plex is healthy.'))).toBeGreaterThanOrEqual(0);
    expect(bytes(chunks.slice(chime + 1)).indexOf(await audioOf(tts, diskFull.text))).toBe(0);
    expect(bytes(chunks.slice(0, chime)).indexOf(await audioOf(tts, diskFull.text))).toBe(-1);
    // The 1 s follow-up window (12.5 frames of 80 ms) had passed on the microphone before the chime.
    expect(test.framesAtPlay[chime]! - test.framesAtPlay[replyDone]!).toBeGreaterThanOrEqual(12);
    expect(test.events.map((event) => event.type)).toEqual(['wake-detected', 'heard', 'answered', 'notice-spoken']);
  }, 30_000);

  it('with no conversation going, a notice is spoken at once; one with an action ends with the phrase to say', async () => {
    const tts = createEspeakTts();
    const test = setup({ tts });
    const restartPlex: Notice = {
      key: 'alert:container:plex',
      severity: 'critical',
      text: 'Plex has been unhealthy for 5 minutes.',
      actions: [
        {
          id: 'n1',
          tool: 'docker_restart',
          description: "restart container 'plex'",
          expiresAt: new Date(Date.now() + 60_000),
          confirmPhrase: 'yes, restart plex',
        },
      ],
    };
    expect(await test.channel.announce(restartPlex)).toEqual({ status: 'delivered', detail: 'spoken' });

    const chunks = test.sink.chunks.map((recorded) => recorded.chunk);
    expect(isEarcon(chunks[0]!, 'alert')).toBe(true);
    const spoken = bytes(chunks.slice(1));
    const text = await audioOf(tts, restartPlex.text);
    const phrase = await audioOf(tts, 'To approve, say: yes, restart plex.');
    expect(spoken.indexOf(text)).toBe(0);
    expect(spoken.indexOf(phrase)).toBeGreaterThanOrEqual(text.length);
    // It listens for the phrase without the wake word, as after a spoken approval request.
    expect(test.channel.state).toBe('listening');
  }, 30_000);
});

describe('the microphone notice queue', () => {
  it("speaks waiting notices in order after the conversation; a newer notice with the same key takes the older one's place", async () => {
    const tts = new FakeTts();
    const deliveries: Promise<NoticeDelivery>[] = [];
    const test = setup({
      tts,
      duringTurn(channel) {
        deliveries.push(channel.announce({ key: 'disk', severity: 'warning', text: 'Disk is 91% full.' }));
        deliveries.push(channel.announce({ key: 'plex', severity: 'critical', text: 'Plex is down.' }));
        deliveries.push(channel.announce({ key: 'disk', severity: 'critical', text: 'Disk is 95% full.' }));
      },
    });
    await test.run();
    expect((await Promise.all(deliveries)).map((delivery) => delivery.detail)).toEqual([
      'waits until the conversation ends',
      'waits until the conversation ends',
      'replaced a waiting notice with the same key',
    ]);
    expect(tts.spoken).toEqual(['Plex is healthy.', 'Disk is 95 percent full.', 'Plex is down.']);
    expect(test.sink.chunks.filter((recorded) => isEarcon(recorded.chunk, 'alert'))).toHaveLength(2);
  });
});
