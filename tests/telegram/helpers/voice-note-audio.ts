/**
 * Voice notes as a phone sends them (OGG/Opus), made by espeak-ng and ffmpeg, and the check that the
 * tools for them are installed (skips without them, fails under CI=true).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireAudio, type Requirement } from '../../helpers/audio-fixtures.js';

/** espeak-ng speaks, pocketsphinx hears, ffmpeg converts. */
export function requireVoiceNoteTools(): Requirement {
  return requireAudio({ commands: ['espeak-ng', 'ffmpeg', 'pocketsphinx_continuous'] });
}

const toOggOpus = ['-c:a', 'libopus', '-f', 'ogg', 'pipe:1'];

export function voiceNoteSaying(text: string): Buffer {
  const folder = mkdtempSync(join(tmpdir(), 'sysvox-voice-note-'));
  try {
    const wav = join(folder, 'speech.wav');
    execFileSync('espeak-ng', ['-w', wav, text]);
    return execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-i', wav, ...toOggOpus]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export function silentVoiceNote(seconds: number): Buffer {
  return execFileSync('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    'anullsrc=r=48000:cl=mono',
    '-t',
    String(seconds),
    ...toOggOpus,
  ]);
}
