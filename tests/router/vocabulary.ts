import type { Vocabulary } from '../../src/router/types.js';

/** The names the core would hand the router on the CI Docker engine, by slot. */
export const testVocabulary: Vocabulary = {
  container: [
    'plex-server',
    'homeassistant',
    'db-unhealthy',
    'web-healthy',
    'job-exited',
    'worker-restarting',
    'nextcloud',
    'pihole',
  ],
  host: ['nas', 'tank'],
  mount: ['/', '/data', '/mnt/tank'],
  /** systemd service units (tools/services: systemctl list-unit-files on the hosts). */
  unit: ['nginx.service', 'smbd.service', 'zfs-zed.service', 'ssh.service', 'borgmatic.service'],
};
