/** The model manifest: every entry can be fetched and checked, and the default set is what a user needs. */
import { describe, expect, it } from 'vitest';
import { defaultEntries, hashLength, modelManifest } from '../../models/manifest.js';
import { selectModels } from '../../models/select-models.js';

describe('the model manifest', () => {
  it('gives every entry an https URL, a size and a checksum of the right length for its algorithm', () => {
    for (const entry of modelManifest) {
      expect(entry.url, entry.name).toMatch(/^https:\/\/[^\s]+$/);
      expect(entry.sizeBytes, entry.name).toBeGreaterThan(0);
      expect(entry.checksum.value, entry.name).toMatch(
        new RegExp(`^[0-9a-f]{${hashLength[entry.checksum.algorithm]}}$`),
      );
      expect(entry.license, entry.name).not.toBe('');
    }
    expect(new Set(modelManifest.map((entry) => entry.name)).size).toBe(modelManifest.length);
    expect(new Set(modelManifest.map((entry) => entry.path)).size).toBe(modelManifest.length);
  });

  it('lists real Whisper models, Piper binaries and voices, and keeps openWakeWord and the test model', () => {
    const names = modelManifest.map((entry) => entry.name);
    expect(names).toEqual(
      expect.arrayContaining([
        ...['melspectrogram', 'embedding', 'hey_jarvis', 'alexa', 'hey_mycroft', 'hey_marvin', 'whisper-for-tests'],
        ...['whisper-tiny.en', 'whisper-base.en', 'whisper-small.en', 'whisper-small.en-q5_1'],
        ...['piper-x64', 'piper-arm64', 'en_US-lessac-medium', 'en_US-lessac-low'],
      ]),
    );
    const wake = modelManifest.filter((entry) => entry.kind === 'wake');
    expect(wake.every((entry) => entry.license.includes('CC BY-NC-SA 4.0'))).toBe(true);
    const voices = modelManifest.filter((entry) => entry.kind === 'piper-voice');
    expect(voices.every((entry) => entry.checksum.algorithm === 'md5' && entry.companions?.length === 1)).toBe(true);
  });

  it('fetches by default what the default config uses, and only this CPU’s Piper binary', () => {
    const x64 = defaultEntries(modelManifest, 'x64').map((entry) => entry.name);
    expect(x64).toEqual(expect.arrayContaining(['whisper-base.en', 'en_US-lessac-medium', 'piper-x64', 'hey_jarvis']));
    expect(x64).not.toContain('piper-arm64');
    expect(x64).not.toContain('whisper-small.en');
    expect(defaultEntries(modelManifest, 'arm64').map((entry) => entry.name)).toContain('piper-arm64');
  });

  it('expands short names and brings a voice’s .onnx.json along', () => {
    expect(selectModels(['piper'], { arch: 'arm64' }).map((entry) => entry.name)).toEqual([
      'piper-arm64',
      'en_US-lessac-medium',
      'en_US-lessac-medium.onnx.json',
    ]);
    expect(selectModels(['whisper']).map((entry) => entry.name)).toEqual(['whisper-base.en']);
    expect(() => selectModels(['no-such-model'])).toThrow(/Unknown model "no-such-model"/);
  });
});
