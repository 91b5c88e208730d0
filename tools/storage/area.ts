/**
 * The storage area: SMART health of the drives, ZFS pools and their scrubs, mdadm arrays, on any host.
 * Every command goes through HostCommands (src/toolkit/host-commands.ts): this area never starts a
 * process itself.
 */
import type { StorageConfig } from '../../src/config/host-health-schema.js';
import type { Logger } from '../../src/log.js';
import { answer, readTool } from '../../src/router/answer-kit.js';
import type { AnswerContext, IntentHandler, ToolArea } from '../../src/router/area.js';
import type { HostCommands } from '../../src/toolkit/host-commands.js';
import { arraysAnswer, poolsAnswer, smartAnswer } from './answers.js';
import { createStorageChecks } from './checks.js';
import { createStorageClient } from './client.js';
import { storageKeywords } from './keywords.js';
import { storageTools, type StorageTools } from './storage-tools.js';
import { storageTemplates, storageWordClasses } from './words.js';

export interface StorageAreaOptions {
  commands: HostCommands;
  config: StorageConfig;
  /** When given (alerts enabled), the storage health check runs. */
  alerts?: { log: Logger };
  clock?: () => Date;
}

function answers(tools: StorageTools, clock: () => Date): Record<string, IntentHandler> {
  /** "how are my disks": SMART first; pools when ZFS is there; arrays when there are any. */
  async function diskHealth(context: AnswerContext) {
    const [smart, pools, arrays] = await Promise.all([
      readTool(context, tools.smart, {}, 'reading SMART'),
      readTool(context, tools.pools, {}, 'reading the pools'),
      readTool(context, tools.arrays, {}, 'reading the arrays'),
    ]);
    if ('failed' in smart) return smart.failed;
    const parts = [smartAnswer(smart.value)];
    if ('value' in pools && pools.value.installed && pools.value.pools.length > 0)
      parts.push(poolsAnswer(pools.value, clock()));
    if ('value' in arrays && arrays.value.arrays.length > 0) parts.push(arraysAnswer(arrays.value));
    return answer(parts.join(' '));
  }
  return {
    disk_health: diskHealth,
    pool_status: async (context) => {
      const read = await readTool(context, tools.pools, {}, 'reading the pools');
      return 'failed' in read ? read.failed : answer(poolsAnswer(read.value, clock(), context.match.slots.ask));
    },
    raid_status: async (context) => {
      const read = await readTool(context, tools.arrays, {}, 'reading the arrays');
      return 'failed' in read ? read.failed : answer(arraysAnswer(read.value, context.match.slots.ask));
    },
  };
}

export function createStorageArea(options: StorageAreaOptions): ToolArea {
  const client = createStorageClient({ commands: options.commands });
  const tools = storageTools(client);
  const clock = options.clock ?? (() => new Date());
  return {
    name: 'storage',
    tools: Object.values(tools),
    templates: storageTemplates,
    wordClasses: storageWordClasses,
    keywords: storageKeywords,
    answers: answers(tools, clock),
    checks: options.alerts
      ? createStorageChecks({
          client,
          hosts: () => options.commands.hosts(),
          config: options.config,
          log: options.alerts.log,
          clock,
        })
      : [],
  };
}
