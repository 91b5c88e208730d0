/**
 * The running service's microphone, for real without a sound card: `sysvox run` (the built CLI, as
 * systemd starts it) listens on ALSA's file plugin, a FIFO fed at real-time pace. "hey jarvis, what is
 * the memory usage" is spoken into it (espeak-ng); the answer lands on the file-plugin speaker between
 * the earcons, and pocketsphinx reads it back as this machine's memory use in percent. SIGTERM stops it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWav } from '../../voice/audio/wav.js';
import { earcon, earconNames } from '../../voice/earcons/earcons.js';
import { createPocketsphinxStt } from '../../voice/stt/pocketsphinx-stt.js';
import { buildCli, checkout, createWorkspace, type CliWorkspace } from '../cli/cli-harness.js';
import { alsaFileDevicesProblem, createAlsaFileDevices, type AlsaFileDevices } from '../helpers/alsa-file-devices.js';
import { concatPcm, requireAudio, silence, speak } from '../helpers/audio-fixtures.js';
import { waitFor } from '../helpers/docker-engine.js';
import { defaultWakeModels, requireModels } from '../helpers/model-fixtures.js';

const alsaProblem = alsaFileDevicesProblem();
if (alsaProblem && process.env.CI === 'true') throw new Error(`CI needs the ALSA tools: ${alsaProblem}`);
const speech = requireAudio({ commands: ['espeak-ng', 'pocketsphinx_continuous'] });
const models = await requireModels(defaultWakeModels);
const skipReason = alsaProblem ?? (speech.skip ? speech.reason : models.skip ? models.reason : null);

const units =
  'zero | one | two | three | four | five | six | seven | eight | nine | ten | eleven | twelve | thirteen | fourteen | fifteen | sixteen | seventeen | eighteen | nineteen';
const tens = 'twenty | thirty | forty | fifty | sixty | seventy | eighty | ninety';
/** The memory answer (tools/system/answers.ts memoryAnswer) with any figures. */
const answerGrammar = [
  '#JSGF V1.0;',
  'grammar answer;',
  'public <answer> = memory is at <figure> percent <figure> of <figure> gigabytes used (there is no swap | swap is unused | swap is at <figure> percent);',
  '<figure> = (less than | <number>) [point <number>+];',
  `<number> = one hundred | (${tens}) [${units.replace(/^zero \| /, '')}] | ${units};`,
].join('\n');
// Reads back sysvox's own speech, in chunks with pauses between them: no forced-hypothesis pause rule here.
const stt = createPocketsphinxStt({ grammar: () => answerGrammar, maximumSilenceSeconds: Number.POSITIVE_INFINITY });

/** "forty one" -> 41. */
function numberFromWords(words: string): number {
  const values: Record<string, number> = {};
  units.split(' | ').forEach((word, index) => (values[word] = index));
  tens.split(' | ').forEach((word, index) => (values[word] = 20 + index * 10));
  values.hundred = 100;
  return words
    .split(' ')
    .reduce((total, word) => (word === 'hundred' ? (total || 1) * 100 : total + (values[word] ?? 0)), 0);
}

/** A heard figure and what it may have been: a tens word for its unit or its teen, and back. */
function figureReadings(words: string): number[] {
  const heard = numberFromWords(words);
  const readings = [heard];
  if (heard >= 20 && heard < 100 && heard % 10 === 0) readings.push(heard / 10, heard / 10 + 10);
  if (heard >= 13 && heard < 20) readings.push((heard - 10) * 10);
  if (heard >= 2 && heard < 10) readings.push(heard * 10);
  return readings;
}

/** Memory in use as the service measures it: total minus available, in percent of total. */
function memoryUsedPercent(): number {
  const meminfo = readFileSync('/proc/meminfo', 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(meminfo)?.[1]);
  return (100 * (kib('MemTotal') - kib('MemAvailable'))) / kib('MemTotal');
}

/** What the speaker played: earcons by name (their exact PCM), the speech between them transcribed. */
async function heardFromSpeaker(devices: AlsaFileDevices): Promise<{ earcons: string[]; text: string }> {
  const earcons: string[] = [];
  const speechParts: Int16Array[] = [];
  for (const played of devices.played()) {
    const data = played.wav.subarray(played.wav.indexOf('data', 12, 'ascii') + 8);
    const name = earconNames.find((candidate) => {
      const pcm = earcon(candidate).pcm;
      return data.length >= pcm.length && data.subarray(0, pcm.length).equals(pcm);
    });
    if (name) earcons.push(name);
    else speechParts.push(readWav(played.wav).pcm.samples);
  }
  const samples = Int16Array.from(speechParts.flatMap((part) => Array.from(part)));
  const text = samples.length > 0 ? (await stt.transcribe({ sampleRate: 16000, samples })).text : '';
  return { earcons, text };
}

describe.skipIf(skipReason !== null)('sysvox run with a microphone (ALSA file plugin, no sound card)', () => {
  let workspace: CliWorkspace;
  let devices: AlsaFileDevices;
  let service: ChildProcess | undefined;
  let stdout = '';
  const logLines = () =>
    stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(() => {
    buildCli();
    workspace = createWorkspace();
    devices = createAlsaFileDevices();
    writeFileSync(
      join(workspace.folder, 'sysvox.yaml'),
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
        // The test Docker engine's stopped containers would be announced on the same speaker.
        'alerts:',
        '  enabled: false',
        '',
      ].join('\n'),
    );
  }, 240_000);

  afterAll(async () => {
    if (service?.exitCode === null) service.kill('SIGKILL');
    await stt.close?.();
    devices?.close();
    workspace?.remove();
  });

  it('hears "hey jarvis, what is the memory usage" on the mic, says the memory use in percent, and stops on SIGTERM', async () => {
    service = spawn(process.execPath, [join(checkout, 'bin', 'sysvox.js'), 'run'], {
      cwd: workspace.folder,
      // arecord and aplay inherit the service's environment, as under systemd.
      env: { ...workspace.env, SYSVOX_CONFIG: join(workspace.folder, 'sysvox.yaml'), ...devices.env },
    });
    service.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => service!.on('exit', (code) => resolve(code)));

    const ready = await waitFor(
      async () =>
        logLines().find((line) => String(line.message).startsWith('ready:')) ??
        (service!.exitCode !== null ? { exited: service!.exitCode } : undefined),
      90_000,
      'the service to be ready',
    );
    expect(JSON.stringify(ready)).toContain('voice running');

    const measured = memoryUsedPercent();
    await devices.say(
      concatPcm(silence(300), speak('hey jarvis'), silence(400), speak('what is the memory usage'), silence(1500))
        .samples,
    );
    await waitFor(
      async () => ((await heardFromSpeaker(devices)).earcons.includes('done') ? true : undefined),
      60_000,
      'the spoken answer',
    );
    const heard = logLines().find((line) => line.message === 'heard');
    expect(heard?.text).toBe('what is the memory usage');

    const said = await heardFromSpeaker(devices);
    expect(said.earcons[0]).toBe('listening');
    expect(said.earcons.at(-1)).toBe('done');
    const figure = /^memory is at (.+?) percent/.exec(said.text);
    expect(said.text, 'the answer as pocketsphinx hears it').toMatch(/^memory is at .+ percent .+ gigabytes used/);
    // The machine's memory use moves a little between the question and the answer. pocketsphinx confuses
    // "seven" with "seventy" and "eighteen" with "eighty" on espeak-ng's voice, so either reading counts.
    const readings = figureReadings(figure![1]!);
    expect(
      readings.some((value) => Math.abs(value - measured) < 10),
      `heard ${readings.join(' or ')}; measured ${measured.toFixed(1)}`,
    ).toBe(true);

    service.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(logLines().at(-1)?.message).toBe('stopped');
  }, 240_000);
});
