import type { Command } from 'commander';
import { listDevices } from '../../../voice/audio/devices.js';

export function registerDevices(program: Command): void {
  program
    .command('devices')
    .description('list capture and playback devices (the ALSA names to put in voice.audio)')
    .action(async () => {
      const { devices, notes } = await listDevices();
      for (const device of devices) {
        process.stdout.write(`${device.direction.padEnd(8)} ${device.alsaName.padEnd(14)} ${device.description}\n`);
      }
      for (const note of notes) process.stdout.write(`note: ${note}\n`);
      if (devices.length === 0)
        process.stdout.write(
          'no audio devices: `sysvox listen --file x.wav` and `sysvox say --out x.wav` still work\n',
        );
    });
}
