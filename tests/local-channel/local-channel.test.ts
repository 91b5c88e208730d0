import { describe, expect, it } from 'vitest';
import { createRecordingSink } from '../../channels/local/audio-sinks.js';
import { createLocalVoiceChannel } from '../../channels/local/local-voice-channel.js';
import type { LocalChannelEvent, LocalVoiceChannelOptions } from '../../channels/local/ports.js';
import { FakeStt } from '../../voice/stt/fake-stt.js';
import { FakeTts } from '../../voice/tts/fake-tts.js';
import { ScriptedCore, energyEndpointers, paced, silenceFrames, toneFrames, type Script } from './channel-fakes.js';
import { FakeWake } from '../../voice/wake/fake-wake.js';

const vocabulary = async () => ({ containers: ['plex-server'], hosts: ['nas'], mounts: ['/'] });

function setup(
  options: {
    wakeAt: number[];
    transcripts: string[];
    scripts: Script[];
    frames: Int16Array[];
    delayMs?: number;
    sinkSpeed?: number;
  } & Partial<LocalVoiceChannelOptions>,
) {
  const core = new ScriptedCore(options.scripts);
  const stt = new FakeStt('fake', options.transcripts);
  const tts = new FakeTts();
  const sink = createRecordingSink({ realtimeSpeed: options.sinkSpeed ?? 0 });
  const wake = new FakeWake(options.wakeAt);
  const timings: { turnId: string; stage: string; ms: number }[] = [];
  const events: LocalChannelEvent[] = [];
  const channel = createLocalVoiceChannel({
    core,
    stt,
    tts,
    sink,
    wake,
    vocabulary,
    pendingConfirmations: options.pendingConfirmations,
    source: paced(options.frames, options.delayMs ?? 0),
    createEndpointer: energyEndpointers,
    timings: { record: (entry) => timings.push(entry) },
    waitForReplies: options.waitForReplies ?? true,
    settings: { followUpSeconds: 1, ...options.settings },
  });
  const run = () => channel.run({ onEvent: (event) => events.push(event) });
  return { core, stt, tts, sink, wake, timings, events, channel, run };
}

describe('local voice channel', () => {
  it('tells the STT which approvals are pending, so the recogniser hears "yes" only then', async () => {
    let pending: string[] = [];
    const test = setup({
      wakeAt: [2, 40],
      transcripts: ['help', 'yes restart plex server'],
      scripts: [{ sentences: ['You can ask me things.'] }, { sentences: ['Done.'] }],
      frames: [
        ...silenceFrames(240),
        ...toneFrames(800),
        ...silenceFrames(1600),
        ...toneFrames(800),
        ...silenceFrames(800),
      ],
      settings: { followUpSeconds: 0 },
      pendingConfirmations: () => {
        const now = pending;
        pending = ['yes, restart plex-server'];
        return Promise.resolve(now);
      },
    });
    await test.run();
    expect(test.stt.calls.map((call) => call.hints?.pendingConfirmations)).toEqual([[], ['yes, restart plex-server']]);
  });

  it('wake word, a question, a spoken answer, earcons and the timings of the turn', async () => {
    const test = setup({
      wakeAt: [2],
      transcripts: ['what is the cpu usage'],
      scripts: [{ sentences: ['The CPU is at 12%.'] }],
      frames: [...silenceFrames(240), ...silenceFrames(240), ...toneFrames(800), ...silenceFrames(800)],
    });
    await test.run();
    expect(test.core.turns).toHaveLength(1);
    expect(test.core.turns[0]).toMatchObject({
      channel: 'voice',
      person: { channel: 'voice', externalId: 'room' },
      conversation: 'mic',
      text: 'what is the cpu usage',
      modality: 'voice',
    });
    expect(test.stt.calls[0]?.hints?.vocabulary?.containers).toEqual(['plex-server']);
    expect(test.tts.spoken).toEqual(['The CPU is at 12 percent.']);
    expect(test.events.map((event) => event.type)).toEqual(['wake-detected', 'heard', 'answered']);
    // listening earcon, the speech, the done earcon
    expect(test.sink.chunks.length).toBeGreaterThanOrEqual(3);
    const stages = new Set(test.timings.map((entry) => entry.stage));
    expect([...stages].sort()).toEqual(['core', 'first-audio', 'speech', 'stt', 'wake-to-speech']);
    expect(new Set(test.timings.map((entry) => entry.turnId)).size).toBe(1);
    const speech = test.timings.find((entry) => entry.stage === 'speech')!;
    expect(speech.ms).toBeGreaterThan(600);
    expect(speech.ms).toBeLessThan(1000);
  });

  it('starts no turn for an empty transcript, for silence after the wake word, or for speech without it', async () => {
    const test = setup({
      wakeAt: [1, 60],
      transcripts: [''],
      scripts: [],
      frames: [
        ...silenceFrames(160),
        ...toneFrames(800),
        ...silenceFrames(2000),
        ...toneFrames(800),
        ...silenceFrames(400),
        ...silenceFrames(3500),
      ],
    });
    await test.run();
    expect(test.core.turns).toHaveLength(0);
    expect(test.stt.calls).toHaveLength(1);
    expect(
      test.events.filter((event) => event.type === 'nothing-heard').map((event) => 'reason' in event && event.reason),
    ).toEqual(['empty-transcript', 'no-speech']);
  });

  it('takes a follow-up without the wake word inside the window, and none after it', async () => {
    const test = setup({
      wakeAt: [1],
      transcripts: ['what is the cpu usage', 'and the memory', 'too late'],
      scripts: [{ sentences: ['The CPU is at 12%.'] }, { sentences: ['Memory is at 40%.'] }],
      frames: [
        ...silenceFrames(160),
        ...toneFrames(800),
        ...silenceFrames(480),
        ...toneFrames(800),
        ...silenceFrames(1600),
        ...toneFrames(800),
        ...silenceFrames(800),
      ],
    });
    await test.run();
    expect(test.core.turns.map((turn) => turn.text)).toEqual(['what is the cpu usage', 'and the memory']);
  });

  it('ends a voice approval request with the exact phrase and keeps listening for it without the wake word', async () => {
    const test = setup({
      wakeAt: [1],
      transcripts: ['restart plex server', 'yes restart plex server'],
      scripts: [
        {
          sentences: ['Restarting plex-server needs your approval.'],
          approval: { confirmPhrase: 'yes, restart plex-server' },
        },
        { sentences: ['Done: plex-server restarted.'] },
      ],
      frames: [
        ...silenceFrames(160),
        ...toneFrames(800),
        ...silenceFrames(2400),
        ...toneFrames(800),
        ...silenceFrames(800),
      ],
      settings: { followUpSeconds: 1 },
    });
    await test.run();
    expect(test.tts.spoken).toContain('To approve, say: yes, restart plex server.');
    expect(test.core.turns.map((turn) => turn.text)).toEqual(['restart plex server', 'yes restart plex server']);
    // the STT listens for the confirmation itself in that window, and for commands again afterwards
    expect(test.stt.calls.map((call) => call.hints?.expectPhrases)).toEqual([undefined, ['yes, restart plex-server']]);
  });

  it('plays the first sentence while the core is still producing the rest', async () => {
    const test = setup({
      wakeAt: [1],
      transcripts: ['status'],
      scripts: [{ sentences: ['First.', 'Second.', 'Third.'], delayMs: 300 }],
      frames: [...silenceFrames(160), ...toneFrames(800), ...silenceFrames(800)],
      settings: { earcons: false },
    });
    await test.run();
    const speechPlays = test.sink.chunks.map((chunk) => chunk.at);
    expect(speechPlays).toHaveLength(3);
    expect(speechPlays[0]!).toBeLessThan(test.core.yieldedAt[1]!);
  });

  it('plays the thinking earcon when the answer is slow, not when it is quick', async () => {
    const slow = setup({
      wakeAt: [1],
      transcripts: ['why is it slow'],
      scripts: [{ sentences: ['Let me see.'], firstDelayMs: 900 }],
      frames: [...silenceFrames(160), ...toneFrames(800), ...silenceFrames(800)],
      settings: { thinkingAfterMs: 300, followUpSeconds: 0 },
    });
    await slow.run();
    const quick = setup({
      wakeAt: [1],
      transcripts: ['status'],
      scripts: [{ sentences: ['All good.'] }],
      frames: [...silenceFrames(160), ...toneFrames(800), ...silenceFrames(800)],
      settings: { thinkingAfterMs: 300, followUpSeconds: 0 },
    });
    await quick.run();
    // slow: listening, thinking, speech, done; quick: listening, speech, done
    expect(slow.sink.chunks).toHaveLength(4);
    expect(quick.sink.chunks).toHaveLength(3);
  });

  it('barge-in: the wake word during playback stops it within 100 ms of detection and listens again', async () => {
    const test = setup({
      wakeAt: [1, 25],
      transcripts: ['tell me everything', 'stop'],
      scripts: [
        { sentences: ['One long sentence that takes a while to play.', 'Another sentence.', 'And a third one.'] },
      ],
      frames: [
        ...silenceFrames(160),
        ...toneFrames(800),
        ...silenceFrames(400),
        ...silenceFrames(800),
        ...silenceFrames(1600),
      ],
      delayMs: 20,
      sinkSpeed: 1,
      waitForReplies: false,
      settings: { earcons: false },
    });
    const started = performance.now();
    await test.run();
    const bargeIn = test.events.find((event) => event.type === 'barge-in');
    expect(bargeIn).toMatchObject({ by: 'wake-word' });
    expect(bargeIn && 'stoppedWithinMs' in bargeIn ? bargeIn.stoppedWithinMs : Infinity).toBeLessThan(100);
    expect(test.sink.stops).toHaveLength(1);
    // Nothing of the reply is played after the stop (earcons are off, so nothing at all).
    expect(test.sink.chunks.filter((recorded) => recorded.at >= test.sink.stops[0]!)).toEqual([]);
    expect(test.tts.spoken).not.toContain('And a third one.');
    expect(test.wake.modes).toContain('speaking');
    // the whole reply would take over 3 s at real-time speed; it was cut
    expect(performance.now() - started).toBeLessThan(3000);
    expect(test.events.some((event) => event.type === 'answered')).toBe(false);
  });
});
