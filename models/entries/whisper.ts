/**
 * whisper.cpp's ggml models, served from Hugging Face (ggerganov/whisper.cpp), plus the weight-free test
 * model from the whisper.cpp repository.
 *
 * Sources of the values:
 * - sha256 and exact byte sizes: the Git LFS metadata Hugging Face publishes for ggerganov/whisper.cpp
 *   (https://huggingface.co/api/models/ggerganov/whisper.cpp?blobs=true, revision
 *   5359861c739e955e79d9a303bcbc70fb988958b1), as captured verbatim in two public repositories that agree
 *   on every value used here (a Swift test, "capturedWhisperResponse", and a Python ggml catalog).
 * - whisper.cpp's models/README.md (ggerganov/whisper.cpp) also lists a SHA-1 per file:
 *   tiny.en c78c86eb1a8faa21b369bcd33207cc90d64ae9df, base.en 137c40403d78fd54d454da0f9bd998f78703390c,
 *   small.en db8a495a91d927739e50b3fc1cc4c6b8f6c2d022. It lists none for the quantized files, so the
 *   manifest carries the sha256 for all four (the issue asks for a sha256 where one exists).
 * - for-tests-ggml-tiny.en.bin: sha256 and size recorded when the entry was first written; it is the
 *   file in the CI mirror.
 */
import type { ModelEntry } from '../manifest.js';

const huggingFace = 'https://huggingface.co/ggerganov/whisper.cpp/resolve/main';
const license = 'MIT (OpenAI Whisper weights, converted to ggml by whisper.cpp)';

function ggml(name: string, file: string, sizeBytes: number, sha256: string, fetchByDefault = false): ModelEntry {
  return {
    name,
    kind: 'whisper',
    path: `whisper/${file}`,
    url: `${huggingFace}/${file}`,
    sizeBytes,
    checksum: { algorithm: 'sha256', value: sha256 },
    license,
    fetchByDefault,
  };
}

export const whisperEntries: readonly ModelEntry[] = [
  ggml(
    'whisper-tiny.en',
    'ggml-tiny.en.bin',
    77_704_715,
    '921e4cf8686fdd993dcd081a5da5b6c365bfde1162e72b08d75ac75289920b1f',
  ),
  ggml(
    'whisper-base.en',
    'ggml-base.en.bin',
    147_964_211,
    'a03779c86df3323075f5e796cb2ce5029f00ec8869eee3fdfb897afe36c6d002',
    true,
  ),
  ggml(
    'whisper-small.en',
    'ggml-small.en.bin',
    487_614_201,
    'c6138d6d58ecc8322097e0f987c32f1be8bb0a18532a3f88f734d1bbf9c41e5d',
  ),
  ggml(
    'whisper-small.en-q5_1',
    'ggml-small.en-q5_1.bin',
    190_098_681,
    'bfdff4894dcb76bbf647d56263ea2a96645423f1669176f4844a1bf8e478ad30',
  ),
  {
    name: 'whisper-for-tests',
    kind: 'whisper',
    path: 'whisper/for-tests-ggml-tiny.en.bin',
    url: 'https://raw.githubusercontent.com/ggml-org/whisper.cpp/master/models/for-tests-ggml-tiny.en.bin',
    sizeBytes: 586_836,
    checksum: { algorithm: 'sha256', value: 'dd6b7796204a1cdf7164666423034e6e1a7a3e9f5c22327b4b7974c4584bd82d' },
    license: 'MIT (whisper.cpp test model with no weights)',
    fetchByDefault: true,
  },
];
