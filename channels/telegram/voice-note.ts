/**
 * An incoming voice note to text: caps checked from the message BEFORE getFile/download, then the
 * OGG/Opus download, ffmpeg to 16 kHz mono PCM, and STT. Returns what to tell the person.
 */
import type { Logger } from '../../src/log.js';
import type { SpeechToText } from '../../voice/stt/stt.js';
import type { AudioConverter } from './ogg-opus.js';
import { FileTooLargeError, type TelegramApi } from './telegram-api.js';
import { AudioDecodeError } from './telegram-errors.js';

export interface VoiceNote {
  file_id: string;
  duration: number;
  file_size?: number;
}

export type VoiceNoteResult = { kind: 'heard'; text: string } | { kind: 'refused'; reply: string };

export const voiceReplies = {
  unreadable: "I couldn't understand that audio.",
  empty: "I didn't catch anything in that voice note.",
} as const;

export interface VoiceNoteReader {
  read(note: VoiceNote, signal?: AbortSignal): Promise<VoiceNoteResult>;
}

export function createVoiceNoteReader(options: {
  api: TelegramApi;
  stt: SpeechToText;
  converter: AudioConverter;
  limits: { maxVoiceBytes: number; maxVoiceSeconds: number };
  log: Logger;
}): VoiceNoteReader {
  const { api, stt, converter, limits, log } = options;
  const tooLong = `That voice note is too long: I take notes of up to ${limits.maxVoiceSeconds} seconds.`;
  return {
    async read(note, signal) {
      if (note.duration > limits.maxVoiceSeconds || (note.file_size ?? 0) > limits.maxVoiceBytes) {
        log.info('refused a voice note over the caps', { duration: note.duration, fileSize: note.file_size });
        return { kind: 'refused', reply: tooLong };
      }
      let audio;
      try {
        const ogg = await api.downloadFile(note.file_id, limits.maxVoiceBytes, signal);
        audio = await converter.decodeVoiceNote(ogg, limits.maxVoiceSeconds);
      } catch (error) {
        if (error instanceof FileTooLargeError) return { kind: 'refused', reply: tooLong };
        if (!(error instanceof AudioDecodeError)) throw error;
        log.info('could not decode a voice note', { error });
        return { kind: 'refused', reply: voiceReplies.unreadable };
      }
      const transcript = await stt.transcribe(audio, { signal });
      const text = transcript.text.trim();
      log.info('transcribed a voice note', { engine: transcript.engine, characters: text.length });
      return text === '' ? { kind: 'refused', reply: voiceReplies.empty } : { kind: 'heard', text };
    },
  };
}
