/** Said around a container's name ("restart the container plex", "docker logs plex"): they explain, they do not decide. */
const around = ['container', 'docker'];

/**
 * The Docker area's keywords for the router's second tier (src/router/guess.ts): the words that point
 * at each of its intents when no template matched ("plex logs pls"), and how a guess names it. A bare
 * container name points at its status.
 */
import type { IntentKeywords } from '../../src/router/area.js';

export const dockerKeywords: Readonly<Record<string, IntentKeywords>> = {
  list_containers: { words: ['ps', 'list', 'docker'], topic: 'the containers' },
  unhealthy_containers: {
    words: [
      'unhealthy',
      'broken',
      'failing',
      'stopped',
      'dead',
      'exited',
      'crashed',
      'crash',
      'crashing',
      'down',
      'restarting',
      'problems',
      'issues',
      'healthy',
    ],
    topic: 'containers with problems',
  },
  container_status: {
    words: [...around, 'status', 'health', 'healthy', 'state', 'alive', 'crash', 'crashed', 'died'],
    topic: 'the status of {container}',
    bareSlot: true,
  },
  container_logs: {
    words: [...around, 'logs', 'log', 'logging', 'logged', 'output', 'errors'],
    topic: 'the logs of {container}',
  },
  container_restart: {
    words: [...around, 'restart', 'restarting', 'bounce', 'reboot', 'kick', 'recycle'],
    topic: 'restarting {container}',
  },
  container_stop: { words: [...around, 'stop', 'halt', 'kill', 'shutdown'], topic: 'stopping {container}' },
  container_start: { words: [...around, 'start', 'launch', 'boot'], topic: 'starting {container}' },
};
