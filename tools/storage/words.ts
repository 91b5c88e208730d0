/**
 * The storage area's words, tried after the services area's and before the system area's (see
 * src/app/areas.ts), so "how are my disks" is about their health and "how full are my disks" stays the
 * system area's. Every pattern may end in a host (<onhost>, the services area's class over {host}).
 * Syntax: src/router/template-syntax.md.
 */
import type { Template } from '../../src/router/types.js';

export const storageWordClasses: Readonly<Record<string, string>> = {
  drives:
    'disk | disks | drive | drives | hard drive | hard drives | hard disk | hard disks | ssd | ssds | nvme | nvmes | hdd | hdds',
  zpool: '[zfs] (pool | pools) | zpool | zpools | zfs',
  raid: '[software | mdadm | md] (raid | raid array | raid arrays | array | arrays) | mdadm',
  smart: 'smart | smartctl | s m a r t',
  healthy: 'healthy | ok | okay | fine | good | alright | all right',
  sick: 'failing | dying | bad | degraded | faulted',
};

export const storageTemplates: readonly Template[] = [
  {
    intent: 'disk_health',
    patterns: [
      'how (are | is) [<det>] <drives> [doing | holding up | looking] [<onhost>]',
      '(are | is) [<det>] [all] [<det>] <drives> (healthy | <sick>) [<onhost>]',
      '[<det>] <smart> (status | health | data | report | check) [(of | for | on) [<det>] <drives>] [<onhost>]',
      '[<det>] <drives> <smart> (status | health | data | report) [<onhost>]',
      '(is | are) (any | there any) <drives> (<sick>) [<onhost>]',
      'any (<sick>) <drives> [<onhost>]',
      '(what is | what are) [<det>] (drive | disk | hdd | ssd | nvme) (temperature | temperatures | temps) [<onhost>]',
      'how hot are [<det>] <drives> [<onhost>]',
      '[<det>] (drive | disk) health [<onhost>]',
      'check [<det>] <drives> health [<onhost>]',
    ],
    spoken: ['how are the drives [doing]', 'drive health'],
    help: { kind: 'ask', topic: 'how the drives are (SMART)' },
  },
  {
    intent: 'pool_status',
    fixedSlots: { ask: 'degraded' },
    patterns: [
      '(is | are) [<det>] <zpool> [<onhost>] (degraded | <healthy> | <sick> | online) [<onhost>]',
      '(is | are) (any | there any) <zpool> (degraded | <sick>) [<onhost>]',
    ],
    spoken: ['is the pool [<onhost>] degraded'],
  },
  {
    intent: 'pool_status',
    patterns: [
      'zpool status [<onhost>]',
      '[<det>] (status | health | state) of [<det>] <zpool> [<onhost>]',
      'how (are | is) [<det>] <zpool> [doing | looking] [<onhost>]',
      '[<det>] <zpool> (status | health | state) [<onhost>]',
      '(when was | when did) [<det>] last [zfs] scrub [run | happen | finish] [<onhost>]',
      '(how old is | how long ago was) [<det>] last [zfs] scrub [<onhost>]',
      '[<det>] [zfs] scrub status [<onhost>]',
    ],
    spoken: ['pool status', 'when was the last scrub'],
    help: { kind: 'ask', topic: 'the ZFS pools and their last scrub' },
  },
  {
    intent: 'raid_status',
    fixedSlots: { ask: 'degraded' },
    patterns: ['(is | are) [<det>] <raid> [<onhost>] (degraded | <healthy> | <sick> | rebuilding) [<onhost>]'],
    spoken: ['is the raid degraded'],
  },
  {
    intent: 'raid_status',
    patterns: [
      'mdadm status [<onhost>]',
      '[<det>] (status | health | state) of [<det>] <raid> [<onhost>]',
      'how (are | is) [<det>] <raid> [doing | looking] [<onhost>]',
      '[<det>] <raid> (status | health | state) [<onhost>]',
      'cat proc mdstat',
    ],
    spoken: ['raid status'],
    help: { kind: 'ask', topic: 'the software RAID arrays' },
  },
];
