#!/usr/bin/env node
// A stand-in for Piper honouring each CLI generation's contract (first argument: cpp | piper1).
// cpp: rhasspy/piper C++ CLI: `--output_raw`, rejects unknown options, one stdin line -> raw PCM on
//      stdout, then a "Real-time factor" info line on stderr per sentence.
// piper1: OHF-Voice/piper1-gpl: `--output-raw`; unknown flags are read aloud (extra audio) like the
//      real one does; no per-sentence stderr line.
// Audio: 10 ms of a 440 Hz tone per character at the rate in <model>.onnx.json, written in 3 parts.
// FAKE_PIPER_ARGS_LOG: file to which each start appends its argv as JSON (for the tests).
import { appendFileSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const [generation, ...args] = process.argv.slice(2);
const rawFlag = generation === 'cpp' ? '--output_raw' : '--output-raw';
if (args.includes('--help') || args.includes('-h')) {
  if (generation === 'cpp')
    process.stderr.write(
      `usage: piper [options]\n  --model FILE  path to onnx model\n  ${rawFlag}  output raw audio to stdout as it becomes available\n`,
    );
  else process.stdout.write(`usage: piper [-h] -m MODEL [-c CONFIG] [-f OUTPUT_FILE] [${rawFlag}] [text ...]\n`);
  process.exit(0);
}
if (process.env.FAKE_PIPER_ARGS_LOG) appendFileSync(process.env.FAKE_PIPER_ARGS_LOG, JSON.stringify(args) + '\n');

let model;
const unknown = [];
let raw = false;
for (let index = 0; index < args.length; index++) {
  const arg = args[index];
  if (arg === '--model' || arg === '-m') model = args[++index];
  else if (arg === rawFlag) raw = true;
  else unknown.push(arg);
}
if (generation === 'cpp' && unknown.length > 0) {
  process.stderr.write(`Unknown option: ${unknown[0]}\n`);
  process.exit(1);
}
if (!model || !raw) {
  process.stderr.write('need --model and the raw output flag\n');
  process.exit(2);
}
const sampleRate = JSON.parse(readFileSync(`${model}.json`, 'utf8')).audio.sample_rate;
const tone = (characters) => {
  const samples = new Int16Array(Math.round(sampleRate * 0.01) * characters);
  for (let index = 0; index < samples.length; index++)
    samples[index] = Math.round(8000 * Math.sin((2 * Math.PI * 440 * index) / sampleRate));
  return Buffer.from(samples.buffer);
};
const pause = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));
let spokenFlags = generation === 'piper1' ? unknown.join(' ') : '';

const lines = createInterface({ input: process.stdin });
const work = [];
lines.on('line', (line) => work.push(line));
lines.on('close', () => work.push(null));
for (;;) {
  const line = work.shift();
  if (line === undefined) {
    await pause(5);
    continue;
  }
  if (line === null) break;
  const audio = tone((spokenFlags ? spokenFlags.length + 1 : 0) + line.length);
  spokenFlags = '';
  const third = Math.floor(audio.length / 6) * 2;
  for (const part of [audio.subarray(0, third), audio.subarray(third, 2 * third), audio.subarray(2 * third)]) {
    process.stdout.write(part);
    await pause(10);
  }
  if (generation === 'cpp')
    process.stderr.write(
      `[piper] [info] Real-time factor: 0.05 (infer=0.01 sec, audio=${(audio.length / 2 / sampleRate).toFixed(2)} sec)\n`,
    );
}
