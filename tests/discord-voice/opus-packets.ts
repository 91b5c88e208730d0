/**
 * A Discord client's side of the audio, with the real codec: speech (16 kHz mono, from espeak-ng) is
 * upsampled to 48 kHz stereo and encoded to 20 ms Opus packets with opusscript, as a client sends it;
 * the packets sysvox sent are decoded back to 16 kHz mono with opusscript and the project's resampler.
 */
import OpusScript from 'opusscript';
import { floatToInt16, resampleMono } from '../../voice/audio/resample.js';
import type { Pcm16 } from '../../voice/stt/stt.js';
import { toDiscordPcm } from '../../channels/discord/voice/discord-audio.js';

const bytesPerPacket = 960 * 2 * 2;

export function opusPacketsOf(pcm: Pcm16): Buffer[] {
  const encoder = new OpusScript(48_000, 2, OpusScript.Application.VOIP);
  try {
    const stereo = toDiscordPcm(
      Buffer.from(pcm.samples.buffer, pcm.samples.byteOffset, pcm.samples.byteLength),
      16_000,
    );
    const packets: Buffer[] = [];
    for (let offset = 0; offset < stereo.length; offset += bytesPerPacket) {
      const frame = Buffer.alloc(bytesPerPacket);
      stereo.copy(frame, 0, offset, Math.min(stereo.length, offset + bytesPerPacket));
      packets.push(Buffer.from(encoder.encode(frame, 960)));
    }
    return packets;
  } finally {
    encoder.delete();
  }
}

/** Opus packets (48 kHz stereo) to 16 kHz mono, the left channel, resampled in one piece. */
export function decodeOpusPackets(packets: Buffer[]): Pcm16 {
  const decoder = new OpusScript(48_000, 2, OpusScript.Application.VOIP);
  try {
    const left: number[] = [];
    for (const packet of packets) {
      const stereo = decoder.decode(packet);
      for (let offset = 0; offset + 3 < stereo.length; offset += 4) left.push(stereo.readInt16LE(offset) / 32768);
    }
    return { sampleRate: 16000, samples: floatToInt16(resampleMono(Float32Array.from(left), 48_000, 16_000)) };
  } finally {
    decoder.delete();
  }
}
