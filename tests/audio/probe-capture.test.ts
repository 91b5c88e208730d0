/**
 * Whether the mic can be opened is judged by opening it (real arecord): a PCM from the ALSA
 * configuration (here the file plugin) opens without any card listed, and a device that cannot open
 * gives arecord's own reason, which the service shows after "no capture device".
 */
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { probeAlsaCapture } from '../../voice/audio/alsa.js';
import { alsaFileDevicesProblem, createAlsaFileDevices, type AlsaFileDevices } from '../helpers/alsa-file-devices.js';

const problem = alsaFileDevicesProblem();
if (problem && process.env.CI === 'true') throw new Error(`CI needs the ALSA tools: ${problem}`);

describe.skipIf(problem !== null)('opening the capture device with arecord', () => {
  let devices: AlsaFileDevices | undefined;
  afterAll(() => {
    delete process.env.ALSA_CONFIG_PATH;
    devices?.close();
  });

  it('opens a PCM defined in the ALSA configuration though no card is listed', async () => {
    devices = createAlsaFileDevices();
    process.env.ALSA_CONFIG_PATH = devices.env.ALSA_CONFIG_PATH;
    expect(await probeAlsaCapture(devices.captureDevice)).toBeUndefined();
  }, 20_000);

  it("gives arecord's own reason for a device that does not exist", async () => {
    expect(await probeAlsaCapture('nosuchmic')).toMatch(/^arecord could not open "nosuchmic": audio open error: .+/);
  }, 20_000);

  it('on a machine with no sound card, the default device does not open either', async () => {
    const cards = spawnSync('arecord', ['-l'], { encoding: 'utf8' }).stdout ?? '';
    const soundServer = spawnSync('sh', ['-c', 'command -v pactl || command -v pw-cli']).status === 0;
    if (/card \d+/.test(cards) || soundServer) return;
    expect(await probeAlsaCapture('default')).toMatch(/^arecord could not open "default": audio open error/);
  }, 20_000);
});
