import { afterAll, describe, expect, it } from 'vitest';
import { buildJsgf, type CommandTemplate } from '../../voice/stt/jsgf-grammar.js';
import { createPocketsphinxStt } from '../../voice/stt/pocketsphinx-stt.js';
import { hasCommand, noise, silence, speak } from './speech-audio.js';

const ready = hasCommand('pocketsphinx_continuous') && hasCommand('espeak-ng') && hasCommand('sox');
if (!ready && process.env.CI === 'true') throw new Error('CI needs pocketsphinx_continuous, espeak-ng and sox: apt-get install pocketsphinx pocketsphinx-en-us espeak-ng sox');

/** Sample templates in the router's syntax. */
const templates: CommandTemplate[] = [
  { intent: 'system.cpu', patterns: ['(what is|what\'s|how much is) the (cpu|processor) (usage|load)', 'how busy is the cpu'] },
  { intent: 'system.memory', patterns: ['(what is|what\'s) the memory usage'] },
  { intent: 'docker.health', patterns: ['is {container} (healthy|running|up)', 'how is {container} doing'] },
  { intent: 'docker.restart', patterns: ['[please] restart {container}'] },
  { intent: 'disk.usage', patterns: ['how full is {mount}'] },
];
const vocabulary = { container: ['plex-server', 'jellyfin', 'home_assistant'], mount: ['/data'], host: [] };

describe.skipIf(!ready)('pocketsphinx grammar STT (real engine, espeak-ng audio)', () => {
  const stt = createPocketsphinxStt({ grammar: () => buildJsgf({ templates, vocabulary }) });
  afterAll(() => stt.close?.());

  it.each([
    ['what is the cpu usage', 'what is the cpu usage'],
    ['is plex server healthy', 'is plex server healthy'],
    ['restart plex server', 'restart plex server'],
    ['yes restart plex server', 'yes restart plex server'],
    ['no', 'no'],
  ])('hears "%s" as words the router matches', async (said, expected) => {
    const transcript = await stt.transcribe(speak(said));
    expect(transcript).toEqual({ text: expected, engine: 'pocketsphinx' });
  });

  it('hears a container whose name is not in the dictionary (jellyfin, spoken as a compound)', async () => {
    expect((await stt.transcribe(speak('is jellyfin healthy'))).text).toBe('is jellyfin healthy');
  });

  it('gives an empty transcript for silence and for noise', async () => {
    expect((await stt.transcribe(silence(2))).text).toBe('');
    expect((await stt.transcribe(noise(2))).text).toBe('');
  });

  it('does not force out-of-grammar speech into a command or a confirmation', async () => {
    expect((await stt.transcribe(speak('the weather is nice today in paris'))).text).toBe('');
  });

  it('probes ok when the engine and the acoustic model are installed', async () => {
    expect((await stt.probe()).status).toBe('ok');
  });

  it('reports a missing binary with the apt fix', async () => {
    const missing = createPocketsphinxStt({ grammar: () => buildJsgf({ templates, vocabulary }), binary: 'pocketsphinx-not-installed' });
    await expect(missing.transcribe(speak('no'))).rejects.toThrow(/apt-get install pocketsphinx/);
    expect((await missing.probe()).status).toBe('fail');
    await missing.close?.();
  });
});
