/**
 * Piper text-to-speech: the release binaries (rhasspy/piper 2023.11.14-2) and English voices from
 * rhasspy/piper-voices.
 *
 * Sources of the values:
 * - Voices: md5 and size per file from the voices.json rhasspy ships inside Piper itself
 *   (rhasspy/piper, src/python_run/piper/voices.json at commit d09b7d02567958162ff86a4a42476740bc3b8a02),
 *   whose downloader (src/python_run/piper/download.py) fetches from the v1.0.0 tag of piper-voices,
 *   which is the revision pinned in the URLs here. Hugging Face's main branch has since rewritten some
 *   .onnx.json files (en_US-lessac-medium.onnx.json is 4,885 bytes there, 7,010 at v1.0.0), so the
 *   URLs must stay on v1.0.0.
 * - Binaries: rhasspy publishes NO checksum for its release tarballs (no SHA256SUMS asset, no hash in
 *   the release notes). The sha256 values below are the ones other projects pinned after downloading
 *   the same assets: x86_64 a50cb45f... is pinned identically by several independent public
 *   repositories (Dockerfiles, a Yocto recipe, installers), aarch64 fea0fd2d... likewise (a Yocto
 *   recipe, Dockerfiles). The sizes (26,460,462 and 26,004,717 bytes) come from a Kotlin and a Rust
 *   installer that pin size and sha256 together. Treat them as third-party pins, not publisher values.
 */
import type { ModelEntry } from '../manifest.js';

/** Where the unpacked release puts the piper executable, relative to the models folder. */
export const piperExecutable = 'piper/piper';

const voicesBase = 'https://huggingface.co/rhasspy/piper-voices/resolve/v1.0.0/en/en_US';
const releaseBase = 'https://github.com/rhasspy/piper/releases/download/2023.11.14-2';
const lessacLicense =
  'MIT (Piper voice) trained on the Blizzard 2013 Lessac data under its research licence: read the MODEL_CARD before commercial use';

function voice(
  name: string,
  folder: string,
  onnx: { sizeBytes: number; md5: string },
  config: { sizeBytes: number; md5: string },
  fetchByDefault = false,
): ModelEntry[] {
  const file = (suffix: string) => `${voicesBase}/${folder}/${name}${suffix}`;
  return [
    {
      name,
      kind: 'piper-voice',
      path: `voices/${name}.onnx`,
      url: file('.onnx'),
      sizeBytes: onnx.sizeBytes,
      checksum: { algorithm: 'md5', value: onnx.md5 },
      license: lessacLicense,
      companions: [`${name}.onnx.json`],
      fetchByDefault,
    },
    {
      name: `${name}.onnx.json`,
      kind: 'piper-config',
      path: `voices/${name}.onnx.json`,
      url: file('.onnx.json'),
      sizeBytes: config.sizeBytes,
      checksum: { algorithm: 'md5', value: config.md5 },
      license: lessacLicense,
    },
  ];
}

function binary(arch: 'x64' | 'arm64', asset: string, sizeBytes: number, sha256: string): ModelEntry {
  return {
    name: `piper-${arch}`,
    kind: 'piper-binary',
    path: `archives/${asset}`,
    url: `${releaseBase}/${asset}`,
    sizeBytes,
    checksum: { algorithm: 'sha256', value: sha256 },
    license: 'MIT (Piper 2023.11.14-2 with onnxruntime and espeak-ng data)',
    unpack: { format: 'tar.gz', creates: piperExecutable },
    arch,
    fetchByDefault: true,
  };
}

export const piperEntries: readonly ModelEntry[] = [
  binary(
    'x64',
    'piper_linux_x86_64.tar.gz',
    26_460_462,
    'a50cb45f355b7af1f6d758c1b360717877ba0a398cc8cbe6d2a7a3a26e225992',
  ),
  binary(
    'arm64',
    'piper_linux_aarch64.tar.gz',
    26_004_717,
    'fea0fd2d87c54dbc7078d0f878289f404bd4d6eea6e7444a77835d1537ab88eb',
  ),
  ...voice(
    'en_US-lessac-medium',
    'lessac/medium',
    { sizeBytes: 63_201_294, md5: '2fc642b535197b6305c7c8f92dc8b24f' },
    { sizeBytes: 7_010, md5: '46e565a656f76b42b588d822025ed439' },
    true,
  ),
  ...voice(
    'en_US-lessac-low',
    'lessac/low',
    { sizeBytes: 63_201_294, md5: '31883a7506589feadf3c3474fd8ef658' },
    { sizeBytes: 7_007, md5: 'a4c8e9e2a4c5a852b2a1a43089a0b752' },
  ),
];
