/**
 * The system area's keywords for the router's second tier (src/router/guess.ts): the words that point
 * at each of its intents when no template matched ("gimme the ram rn"), and how a guess names it.
 */
import type { IntentKeywords } from '../../src/router/area.js';

export const systemKeywords: Readonly<Record<string, IntentKeywords>> = {
  status: {
    words: ['status', 'sitrep', 'overall', 'health', 'everything', 'summary', 'overview'],
    topic: 'the overall status',
  },
  cpu: { words: ['cpu', 'cpus', 'processor', 'processors', 'busy', 'utilisation', 'utilization'], topic: 'the CPU' },
  memory: { words: ['memory', 'ram', 'swap', 'mem'], topic: 'the memory' },
  disk: {
    words: ['disk', 'disks', 'storage', 'space', 'drive', 'drives', 'filesystem', 'filesystems', 'partition', 'room'],
    topic: 'the disk[ {mount}]',
    bareSlot: true,
  },
  temperature: {
    words: ['temperature', 'temperatures', 'temp', 'temps', 'hot', 'heat', 'overheating', 'celsius', 'degrees', 'warm'],
    topic: 'the temperature',
  },
  uptime: { words: ['uptime', 'rebooted', 'booted', 'long'], topic: 'the uptime' },
  load: { words: ['load', 'loadavg', 'avg'], topic: 'the load' },
  top_cpu: {
    words: [
      'top',
      'hog',
      'hogs',
      'hogging',
      'eating',
      'burning',
      'culprit',
      'process',
      'processes',
      'app',
      'apps',
      'program',
      'programs',
      'most',
      'biggest',
      'chewing',
      'maxing',
      'pegging',
    ],
    topic: 'what is using the CPU',
  },
  top_memory: {
    words: [
      'top',
      'hog',
      'hogs',
      'hogging',
      'eating',
      'culprit',
      'leak',
      'leaking',
      'process',
      'processes',
      'app',
      'apps',
      'program',
      'programs',
      'most',
      'biggest',
      'chewing',
    ],
    topic: 'what is using the memory',
  },
};
