/**
 * Wake-word pipeline cost: real-time factor with 1 and with 4 openWakeWord models over ten minutes of audio
 * (the shared clips looped with silence), and CPU seconds per hour of listening.
 * Run: node --import tsx bench/wakeword.ts [minutes]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWav } from '../voice/audio/wav.js';
import { createOpenWakeWord } from '../voice/wake/openwakeword.js';

const minutes = Number(process.argv[2] ?? 10);
const audioDir = join(import.meta.dirname, '..', '..', 'shared', 'audio');
const clipNames = [
  'alexa_test.wav',
  'hey_mycroft_test.wav',
  'hey_jane.wav',
  'negative_reference.wav',
  'turn_on_the_office_lights_test_clip.wav',
];

function buildAudio(): Int16Array {
  const total = minutes * 60 * 16000;
  const clips = clipNames
    .filter((name) => existsSync(join(audioDir, name)))
    .map((name) => readWav(readFileSync(join(audioDir, name))).pcm.samples);
  const audio = new Int16Array(total);
  let offset = 0;
  for (let index = 0; offset < total && clips.length > 0; index++) {
    const clip = clips[index % clips.length] ?? new Int16Array(0);
    audio.set(clip.subarray(0, Math.max(0, total - offset)), offset);
    offset += clip.length + 3 * 16000;
  }
  return audio;
}

async function measure(
  models: string[],
  audio: Int16Array,
): Promise<{ rtf: number; cpuSecondsPerHour: number; detections: number }> {
  const detector = await createOpenWakeWord({ models: models.map((name) => ({ name })) });
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  let detections = 0;
  for (let offset = 0; offset + 1280 <= audio.length; offset += 1280)
    detections += (await detector.process(audio.subarray(offset, offset + 1280))).length;
  const wallSeconds = (performance.now() - startedAt) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await detector.close?.();
  const audioSeconds = audio.length / 16000;
  return {
    rtf: wallSeconds / audioSeconds,
    cpuSecondsPerHour: ((cpu.user + cpu.system) / 1e6) * (3600 / audioSeconds),
    detections,
  };
}

const audio = buildAudio();
console.log(
  `wake word pipeline over ${minutes} min of audio (clips + silence), 80 ms frames, onnxruntime-node single thread`,
);
for (const models of [['hey_jarvis'], ['hey_jarvis', 'alexa', 'hey_mycroft', 'hey_marvin']]) {
  const result = await measure(models, audio);
  console.log(
    `${models.length} model(s): RTF ${result.rtf.toFixed(4)} (target <= 0.03 with one), CPU ${result.cpuSecondsPerHour.toFixed(0)} s per hour of listening, ${result.detections} detections`,
  );
}
