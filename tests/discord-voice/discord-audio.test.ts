/**
 * The format conversions between Discord (48 kHz stereo Opus) and the engines (16 kHz mono): a tone
 * sent through a real Opus round trip in 20 ms packets comes out at the same pitch and level, with no
 * seam at the packet edges (a seam is a click a recogniser hears as a consonant).
 */
import OpusScript from 'opusscript';
import { describe, expect, it } from 'vitest';
import { SpeakerDecoder, StreamDownsampler, toDiscordPcm } from '../../channels/discord/voice/discord-audio.js';
import { resampleMono } from '../../voice/audio/resample.js';

function tone(frequency: number, rate: number, seconds: number): Float32Array {
  return Float32Array.from(
    { length: rate * seconds },
    (_, index) => 0.5 * Math.sin((2 * Math.PI * frequency * index) / rate),
  );
}

/** The largest jump between neighbouring samples, relative to the tone's own largest step. */
function roughness(samples: ArrayLike<number>, from: number, to: number): number {
  let largest = 0;
  for (let index = from + 1; index < to; index++)
    largest = Math.max(largest, Math.abs(samples[index]! - samples[index - 1]!));
  return largest;
}

describe('Discord audio conversions', () => {
  it('downsamples 48 kHz in 20 ms pieces exactly as in one piece', () => {
    const input = tone(440, 48_000, 1);
    const whole = resampleMono(input, 48_000, 16_000);
    const downsampler = new StreamDownsampler();
    const pieces: number[] = [];
    for (let offset = 0; offset < input.length; offset += 960)
      pieces.push(...downsampler.push(input.subarray(offset, offset + 960)));
    // Everything but the last few samples (held back for the kernel's context) came out, and matches.
    expect(pieces.length).toBeGreaterThan(whole.length - 30);
    for (let index = 100; index < pieces.length - 100; index++)
      expect(Math.abs(pieces[index]! / 32768 - whole[index]!)).toBeLessThan(0.002);
  });

  it("decodes a speaker's Opus packets to 16 kHz mono at the same pitch, smooth across packets", () => {
    const sent = toDiscordPcm(
      Buffer.from(new Int16Array(tone(440, 16_000, 1).map((value) => value * 32767)).buffer),
      16_000,
    );
    expect(sent.length).toBe(48_000 * 4);
    const encoder = new OpusScript(48_000, 2, OpusScript.Application.VOIP);
    const decoder = new SpeakerDecoder();
    const heard: number[] = [];
    for (let offset = 0; offset < sent.length; offset += 3840)
      heard.push(...decoder.decode(Buffer.from(encoder.encode(sent.subarray(offset, offset + 3840), 960))));
    encoder.delete();
    decoder.close();
    expect(heard.length).toBeGreaterThan(15_900);
    const middle = heard.slice(4000, 12_000);
    const crossings = middle.filter((value, index) => index > 0 && middle[index - 1]! < 0 !== value < 0).length;
    expect(crossings / 2 / 0.5).toBeGreaterThan(430); // 440 Hz, counted over 0.5 s
    expect(crossings / 2 / 0.5).toBeLessThan(450);
    const peak = Math.max(...middle.map(Math.abs));
    expect(peak / 32768).toBeGreaterThan(0.35);
    // A 440 Hz tone at 16 kHz moves at most 2*pi*440/16000*peak per sample; a seam would jump far more.
    expect(roughness(middle, 0, middle.length)).toBeLessThan(peak * 0.2);
  });
});
