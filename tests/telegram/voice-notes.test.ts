import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createAudioConverter } from '../../channels/telegram/ogg-opus.js';
import { createPocketsphinxStt } from '../../voice/stt/pocketsphinx-stt.js';
import { createEspeakTts } from '../../voice/tts/espeak-tts.js';
import { allowedUser, startHarness, type Harness, keepRunning } from './helpers/channel-harness.js';
import { createScriptedCore, done } from './helpers/scripted-core.js';
import { textUpdate, voiceUpdate } from './helpers/telegram-updates.js';
import { requireVoiceNoteTools, silentVoiceNote, voiceNoteSaying } from './helpers/voice-note-audio.js';

const describeVoice = requireVoiceNoteTools().skip ? describe.skip : describe;

const grammar = `#JSGF V1.0;
grammar sysvox;
public <command> = what is the cpu usage | what is the memory usage | what is the disk usage | status | restart plex | the cpu usage is low | the disk is full;
`;
const stt = createPocketsphinxStt({ grammar: () => grammar });
afterAll(async () => stt.close?.());

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const answerCpu = () =>
  createScriptedCore((turn) => [
    done(turn.text === 'what is the cpu usage' ? 'the cpu usage is low' : 'I am not sure'),
  ]);

describeVoice('Telegram voice notes', () => {
  it('transcribes a voice note, answers in text with "I heard", and replies with a voice note pocketsphinx understands', async () => {
    const core = answerCpu();
    harness = await startHarness({ core, stt, tts: createEspeakTts() });
    await harness.channel.start(keepRunning);
    const note = voiceNoteSaying('what is the cpu usage');
    harness.fake.addFile('voice-question', note);
    harness.fake.enqueueUpdate(
      voiceUpdate(allowedUser, { fileId: 'voice-question', duration: 2, fileSize: note.length }),
    );
    await harness.fake.waitFor((calls) => calls.some((call) => call.method === 'sendVoice'), 20_000);

    expect(harness.sentTexts(allowedUser)).toEqual(['I heard: what is the cpu usage', 'the cpu usage is low']);
    expect(core.turns[0]).toMatchObject({ text: 'what is the cpu usage', modality: 'voice' });
    expect(harness.fake.callsTo('sendChatAction').map((call) => call.params.action)).toContain('record_voice');
    const voice = harness.fake.callsTo('sendVoice')[0]?.files.voice;
    expect(voice?.data.subarray(0, 4).toString()).toBe('OggS');
    const heard = await stt.transcribe(
      await createAudioConverter().decodeVoiceNote(voice?.data ?? Buffer.alloc(0), 30),
    );
    expect(heard.text).toBe('the cpu usage is low');
  }, 30_000);

  it('answers a corrupt OGG with "I couldn\'t understand that audio." and keeps working', async () => {
    harness = await startHarness({ core: answerCpu(), stt });
    await harness.channel.start(keepRunning);
    const corrupt = Buffer.concat([Buffer.from('OggS'), Buffer.alloc(3000, 0x5a)]);
    harness.fake.addFile('voice-corrupt', corrupt);
    harness.fake.enqueueUpdate(
      voiceUpdate(allowedUser, { fileId: 'voice-corrupt', duration: 3, fileSize: corrupt.length }),
    );
    harness.fake.enqueueUpdate(textUpdate(allowedUser, 'what is the cpu usage'));
    await harness.fake.waitFor(() => harness!.sentTexts(allowedUser).length >= 2, 10_000);

    expect(harness.sentTexts(allowedUser)).toEqual(["I couldn't understand that audio.", 'the cpu usage is low']);
    expect(harness.channel.health().status).toBe('running');
  });

  it('says it caught nothing when the voice note is silence', async () => {
    harness = await startHarness({ core: answerCpu(), stt });
    await harness.channel.start(keepRunning);
    const note = silentVoiceNote(1);
    harness.fake.addFile('voice-silence', note);
    harness.fake.enqueueUpdate(
      voiceUpdate(allowedUser, { fileId: 'voice-silence', duration: 1, fileSize: note.length }),
    );
    await harness.fake.waitFor(() => harness!.sentTexts(allowedUser).length >= 1, 10_000);

    expect(harness.sentTexts(allowedUser)).toEqual(["I didn't catch anything in that voice note."]);
  });

  it('refuses an oversize or overlong note before asking Telegram for the file', async () => {
    harness = await startHarness({ core: answerCpu(), stt, telegram: { maxVoiceBytes: 50_000, maxVoiceSeconds: 30 } });
    await harness.channel.start(keepRunning);
    harness.fake.addFile('voice-big', Buffer.alloc(60_000));
    harness.fake.enqueueUpdate(voiceUpdate(allowedUser, { fileId: 'voice-big', duration: 5, fileSize: 60_000 }));
    harness.fake.enqueueUpdate(voiceUpdate(allowedUser, { fileId: 'voice-big', duration: 45, fileSize: 1000 }));
    await harness.fake.waitFor(() => harness!.sentTexts(allowedUser).length >= 2);

    expect(harness.sentTexts(allowedUser)).toEqual([
      'That voice note is too long: I take notes of up to 30 seconds.',
      'That voice note is too long: I take notes of up to 30 seconds.',
    ]);
    expect(harness.fake.callsTo('getFile')).toEqual([]);
    expect(harness.fake.callsTo('file-download')).toEqual([]);
  });

  it('after /voice off, answers the next voice note in text only', async () => {
    harness = await startHarness({ core: answerCpu(), stt, tts: createEspeakTts() });
    await harness.channel.start(keepRunning);
    harness.fake.enqueueUpdate(textUpdate(allowedUser, '/voice off'));
    await harness.fake.waitFor(() => harness!.sentTexts(allowedUser).length >= 1);
    const note = voiceNoteSaying('what is the cpu usage');
    harness.fake.addFile('voice-after-off', note);
    harness.fake.enqueueUpdate(
      voiceUpdate(allowedUser, { fileId: 'voice-after-off', duration: 2, fileSize: note.length }),
    );
    await harness.fake.waitFor(() => harness!.sentTexts(allowedUser).length >= 3, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // a voice reply would be encoded and sent by now

    expect(harness.sentTexts(allowedUser)).toEqual([
      'Voice replies are off.',
      'I heard: what is the cpu usage',
      'the cpu usage is low',
    ]);
    expect(harness.fake.callsTo('sendVoice')).toEqual([]);
  }, 30_000);
});
