import type { Vocabulary } from '../../src/router/types.js';

/** The names the core would hand the router on the CI Docker engine. */
export const testVocabulary: Vocabulary = {
  containers: ['plex-server', 'homeassistant', 'db-unhealthy', 'web-healthy', 'job-exited', 'worker-restarting', 'nextcloud', 'pihole'],
  hosts: ['nas', 'tank'],
  mounts: ['/', '/data', '/mnt/tank'],
};
