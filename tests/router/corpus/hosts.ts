/** Questions about other hosts: one host's figures ({host} from the configured SSH hosts) and every host at once. */
import type { CorpusRow } from './types.js';

export const hostsStatusRows: readonly CorpusRow[] = [
  ['status of all hosts', 'hosts_status'],
  ['what is the status of all servers', 'hosts_status'],
  ['how are my servers', 'hosts_status'],
  ['how are my servers doing', 'hosts_status'],
  ['how are all the hosts looking', 'hosts_status'],
  ['are all servers up', 'hosts_status'],
  ['are all the hosts online', 'hosts_status'],
  ['check all hosts', 'hosts_status'],
  ['ping all servers', 'hosts_status'],
  ['which hosts are down', 'hosts_status'],
  ['any servers offline', 'hosts_status'],
  ['hosts status', 'hosts_status'],
  ['status of every machine', 'hosts_status'],
];

export const hostFigureRows: readonly CorpusRow[] = [
  ["what's the load on the nas", 'load', { host: 'nas' }],
  ['load average on tank', 'load', { host: 'tank' }],
  ['nas load', 'load', { host: 'nas' }],
  ['how much memory is the nas using', 'memory', { host: 'nas', metric: 'memory' }],
  ['memory usage on nas', 'memory', { host: 'nas', metric: 'memory' }],
  ['how much ram does the nas have left', 'memory', { host: 'nas', metric: 'memory' }],
  ['cpu usage on tank', 'cpu', { host: 'tank', metric: 'cpu' }],
  ['how busy is the nas', 'cpu', { host: 'nas', metric: 'cpu' }],
  ['disk on tank', 'disk', { host: 'tank' }],
  ['how full are the disks on the nas', 'disk', { host: 'nas' }],
  ['is the nas running out of space', 'disk', { host: 'nas' }],
  ['uptime of the nas', 'uptime', { host: 'nas' }],
  ['how long has the nas been up', 'uptime', { host: 'nas' }],
  ['what is using the cpu on tank', 'top_cpu', { host: 'tank', metric: 'cpu' }],
  ['temperature of the nas', 'temperature', { host: 'nas' }],
];
