/**
 * The openWakeWord feature models and pre-trained wake words from rhasspy/openWakeWord-cpp (models/).
 * That repository publishes no checksums: the sha256 values are the ones recorded when these entries
 * were first written (commit 61f74d3), and the CI mirror's copies match them.
 */
import type { ModelEntry, ModelKind } from '../manifest.js';

const base = 'https://raw.githubusercontent.com/rhasspy/openWakeWord-cpp/master/models';
const apache = 'Apache-2.0 (openWakeWord feature models, re-implementing Google speech_embedding)';
/** Shown wherever the pre-trained wake words are fetched. */
export const wakeWordLicense =
  'CC BY-NC-SA 4.0 (openWakeWord pre-trained wake words: non-commercial use, share alike; https://creativecommons.org/licenses/by-nc-sa/4.0/)';

function openWakeWord(name: string, kind: ModelKind, file: string, sizeBytes: number, sha256: string): ModelEntry {
  return {
    name,
    kind,
    path: `openwakeword/${file}`,
    url: `${base}/${file}`,
    sizeBytes,
    checksum: { algorithm: 'sha256', value: sha256 },
    license: kind === 'wake' ? wakeWordLicense : apache,
    fetchByDefault: true,
  };
}

export const openWakeWordEntries: readonly ModelEntry[] = [
  openWakeWord(
    'melspectrogram',
    'mel',
    'melspectrogram.onnx',
    1_087_958,
    'ba2b0e0f8b7b875369a2c89cb13360ff53bac436f2895cced9f479fa65eb176f',
  ),
  openWakeWord(
    'embedding',
    'embedding',
    'embedding_model.onnx',
    1_328_103,
    'ba754db3cd768a524c655ea90655ee5e6055a43b8dfd29366a11e93716ae9e51',
  ),
  openWakeWord(
    'hey_jarvis',
    'wake',
    'hey_jarvis_v0.1.onnx',
    1_271_370,
    '94a13cfe60075b132f6a472e7e462e8123ee70861bc3fb58434a73712ee0d2cb',
  ),
  openWakeWord(
    'alexa',
    'wake',
    'alexa_v0.1.onnx',
    854_246,
    '6ff566a01d12670e8d9e3c59da32651db1575d17272a601b7f8a39283dfbae3e',
  ),
  openWakeWord(
    'hey_mycroft',
    'wake',
    'hey_mycroft_v0.1.onnx',
    503_850,
    '785bdf5655863ae47553b23793aa108c7b0152d4823f7869b41f2d2d765912fc',
  ),
  openWakeWord(
    'hey_marvin',
    'wake',
    'hey_marvin_v0.1.onnx',
    857_691,
    'b6d4b794ddf2e1d6f29e9f45848e24858e2edd0d810b14e0c1c70dda9a1fcbf0',
  ),
];
