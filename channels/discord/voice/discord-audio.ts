/**
 * Discord's audio format and ours: Discord sends and takes 48 kHz stereo Opus in 20 ms packets; every
 * engine here takes 16 kHz mono 16-bit PCM. A speaker's packets are decoded with opusscript (pure JS,
 * no native build), downmixed and downsampled as they arrive; TTS PCM is upsampled to 48 kHz stereo.
 */
import OpusScript from 'opusscript';
import { floatToInt16, resampleMono } from '../../../voice/audio/resample.js';

export const discordRate = 48_000;
export const engineRate = 16_000;
/** 20 ms of 48 kHz audio per Opus packet. */
export const samplesPerPacket = 960;
/** Samples of context kept on each side of a chunk so the windowed-sinc kernel never sees an edge. */
const contextSamples = 60;
const ratio = discordRate / engineRate;

/** 48 kHz mono float in, 16 kHz mono 16-bit out, in pieces, with no seam between pieces. */
export class StreamDownsampler {
  private held = new Float32Array(0);
  /** Input index (in `held`) of the next output sample's centre. */
  private nextCentre = 0;

  push(input: Float32Array): Int16Array {
    const joined = new Float32Array(this.held.length + input.length);
    joined.set(this.held);
    joined.set(input, this.held.length);
    const lastCentre = joined.length - contextSamples;
    if (lastCentre < this.nextCentre) {
      this.held = joined;
      return new Int16Array(0);
    }
    const count = Math.floor((lastCentre - this.nextCentre) / ratio) + 1;
    const start = Math.max(0, this.nextCentre - contextSamples);
    const window = joined.subarray(
      start,
      Math.min(joined.length, this.nextCentre + (count - 1) * ratio + contextSamples + 1),
    );
    const resampled = resampleMono(window, discordRate, engineRate);
    const offset = (this.nextCentre - start) / ratio;
    const output = floatToInt16(resampled.subarray(offset, offset + count));
    const consumed = this.nextCentre + count * ratio;
    const keepFrom = Math.max(0, consumed - contextSamples);
    this.held = joined.slice(keepFrom);
    this.nextCentre = consumed - keepFrom;
    return output;
  }
}

/** One speaker's decoder: Opus packets in, 16 kHz mono samples out. */
export class SpeakerDecoder {
  private readonly opus = new OpusScript(discordRate, 2, OpusScript.Application.VOIP);
  private readonly downsampler = new StreamDownsampler();

  /** Decodes one packet; a corrupt packet is dropped (an Error is thrown for the caller to count). */
  decode(packet: Buffer): Int16Array {
    const stereo = this.opus.decode(packet);
    const frames = stereo.length / 4;
    const mono = new Float32Array(frames);
    for (let frame = 0; frame < frames; frame++) {
      mono[frame] = (stereo.readInt16LE(frame * 4) + stereo.readInt16LE(frame * 4 + 2)) / 65536;
    }
    return this.downsampler.push(mono);
  }

  close(): void {
    this.opus.delete();
  }
}

/** TTS PCM (16-bit mono at any rate) to 48 kHz stereo 16-bit little-endian, what StreamType.Raw expects. */
export function toDiscordPcm(pcm: Buffer, sampleRate: number): Buffer {
  const samples = new Float32Array(Math.floor(pcm.length / 2));
  for (let index = 0; index < samples.length; index++) samples[index] = pcm.readInt16LE(index * 2) / 32768;
  const upsampled = floatToInt16(resampleMono(samples, sampleRate, discordRate));
  const stereo = Buffer.alloc(upsampled.length * 4);
  for (let index = 0; index < upsampled.length; index++) {
    const value = upsampled[index] ?? 0;
    stereo.writeInt16LE(value, index * 4);
    stereo.writeInt16LE(value, index * 4 + 2);
  }
  return stereo;
}
