import { describe, expect, it } from 'vitest';
import type { IntentName, RouterSlots } from '../../src/router/types.js';
import { testRouter } from '../helpers/router-areas.js';
import { testVocabulary } from './vocabulary.js';

type Row = [text: string, intent: IntentName | null, slots?: RouterSlots];

const matched: Row[] = [
  ['status', 'status'], ['Overall status?', 'status'], ['server status', 'status'], ['Give me a status report', 'status'],
  ['how is the server', 'status'], ['How is the server doing?', 'status'], ['Hey Jarvis, is everything OK?', 'status'],
  ['is everything alright', 'status'], ['how are things looking', 'status'], ["what's the status of the server", 'status'],
  ['is the server up', 'status'], ['health check please', 'status'], ['is anything wrong with the server', 'status'],
  ['how is nas', 'status', { host: 'nas' }], ['status of nas', 'status', { host: 'nas' }], ['is nas up', 'status', { host: 'nas' }],
  ['cpu', 'cpu'], ['CPU usage', 'cpu'], ["what's the cpu usage", 'cpu'], ['What is the CPU at?', 'cpu'],
  ['how busy is the processor', 'cpu'], ['c p u load', 'cpu'], ['how much cpu is being used', 'cpu'],
  ['Jarvis, check the CPU please', 'cpu'], ['how busy is the server', 'cpu'], ['processor usage', 'cpu'],
  ['memory', 'memory', { metric: 'memory' }], ['RAM usage', 'memory'], ['how much memory is free', 'memory'],
  ["what's the memory usage", 'memory'], ['how much ram do we have left', 'memory'], ['am I running out of memory', 'memory'],
  ['swap usage', 'memory'], ['is the memory full', 'memory'], ['how is the ram doing', 'memory'],
  ['what is eating my memory', 'top_memory', { metric: 'memory' }], ["what's using all the RAM", 'top_memory'],
  ['which process uses the most memory', 'top_memory'], ['top memory processes', 'top_memory'], ['who is hogging the memory', 'top_memory'],
  ['what is using the cpu', 'top_cpu', { metric: 'cpu' }], ['what is eating the processor', 'top_cpu'], ['top processes', 'top_cpu'],
  ['which processes are using the most cpu', 'top_cpu'], ['top cpu hogs', 'top_cpu'],
  ['disk space', 'disk'], ['Disk usage?', 'disk'], ['how full are the disks', 'disk'], ['how much disk space is left', 'disk'],
  ['are we running out of space', 'disk'], ['storage', 'disk'], ['is the disk full', 'disk'], ['check the filesystems', 'disk'],
  ['how full is /data?', 'disk', { mount: '/data' }], ['how full is /srv', 'disk', { mount: '/srv' }], ['disk space on root', 'disk', { mount: '/' }],
  ['how full is the root filesystem', 'disk', { mount: '/' }], ['how much space is left on /mnt/tank', 'disk', { mount: '/mnt/tank' }],
  ['is the data partition full', 'disk', { mount: '/data' }], ['usage of slash data', 'disk', { mount: '/data' }],
  ['how full is tank', 'disk', { mount: '/mnt/tank' }], ['what is the free space on the data volume', 'disk', { mount: '/data' }],
  ['temperature', 'temperature'], ['CPU temperature', 'temperature'], ['how hot is the cpu', 'temperature'],
  ['is the server overheating', 'temperature'], ["what's the temp of the machine", 'temperature'], ['temps', 'temperature'],
  ['uptime', 'uptime'], ['how long has the server been up', 'uptime'], ['when did the server last reboot', 'uptime'],
  ['how long since the last reboot', 'uptime'], ["what's the system uptime", 'uptime'],
  ['load average', 'load'], ['system load', 'load'], ['what is the load', 'load'], ['load avg', 'load'],
  ['list containers', 'list_containers'], ['list all the docker containers', 'list_containers'], ['which containers are running', 'list_containers'],
  ['what containers do I have', 'list_containers'], ['how many containers are running', 'list_containers'], ['show me the containers', 'list_containers'],
  ['docker ps', 'list_containers'], ["what's running in docker", 'list_containers'], ['containers', 'list_containers'],
  ['which containers are unhealthy', 'unhealthy_containers'], ['anything broken?', 'unhealthy_containers'],
  ['any problems with docker', 'unhealthy_containers'], ['are there any issues with my containers', 'unhealthy_containers'],
  ['unhealthy containers', 'unhealthy_containers'], ['are all containers healthy', 'unhealthy_containers'],
  ['which services are down', 'unhealthy_containers'], ['is anything down', 'unhealthy_containers'], ["what's broken", 'unhealthy_containers'],
  ['which containers have problems', 'unhealthy_containers'], ['are any containers unhealthy', 'unhealthy_containers'],
  ['is plex running', 'container_status', { container: 'plex-server' }], ['Hey Jarvis, is Plex healthy?', 'container_status', { container: 'plex-server' }],
  ['how is home assistant', 'container_status', { container: 'homeassistant' }], ['status of nextcloud', 'container_status', { container: 'nextcloud' }],
  ['is the pi hole container up', 'container_status', { container: 'pihole' }], ['is db still running', 'container_status', { container: 'db-unhealthy' }],
  ['what is the health of the worker', 'container_status', { container: 'worker-restarting' }], ['did the job crash', 'container_status', { container: 'job-exited' }],
  ['plex status', 'container_status', { container: 'plex-server' }], ['is jellyfin running', 'container_status', { container: 'jellyfin' }],
  ['is plex_server up', 'container_status', { container: 'plex-server' }], ['check on nextcloud', 'container_status', { container: 'nextcloud' }],
  ['logs of plex', 'container_logs', { container: 'plex-server' }], ['show me plex logs', 'container_logs', { container: 'plex-server' }],
  ["what did home assistant log", 'container_logs', { container: 'homeassistant' }], ["show me nextcloud's logs", 'container_logs', { container: 'nextcloud' }],
  ['tail the db logs', 'container_logs', { container: 'db-unhealthy' }], ['get the logs for the worker container', 'container_logs', { container: 'worker-restarting' }],
  ['any errors in the pihole logs', 'container_logs', { container: 'pihole' }], ['what is web logging', 'container_logs', { container: 'web-healthy' }],
  ['restart plex', 'container_restart', { container: 'plex-server' }], ['Please restart the Plex container.', 'container_restart', { container: 'plex-server' }],
  ['reboot home assistant', 'container_restart', { container: 'homeassistant' }], ['bounce nextcloud', 'container_restart', { container: 'nextcloud' }],
  ['can you restart the worker', 'container_restart', { container: 'worker-restarting' }], ['give pihole a restart', 'container_restart', { container: 'pihole' }],
  ['restart foo', 'container_restart', { container: 'foo' }], ['restart the grafana container', 'container_restart', { container: 'grafana' }],
  ['stop plex', 'container_stop', { container: 'plex-server' }], ['shut down nextcloud', 'container_stop', { container: 'nextcloud' }],
  ['turn off the pihole', 'container_stop', { container: 'pihole' }], ['take web down', 'container_stop', { container: 'web-healthy' }],
  ['start plex', 'container_start', { container: 'plex-server' }], ['bring the job up', 'container_start', { container: 'job-exited' }],
  ['start up home assistant', 'container_start', { container: 'homeassistant' }], ['bring nextcloud back up', 'container_start', { container: 'nextcloud' }],
  ['fire up the db', 'container_start', { container: 'db-unhealthy' }],
  ['yes', 'confirm'], ['Yeah.', 'confirm'], ['confirm', 'confirm'], ['do it', 'confirm'], ['go ahead', 'confirm'], ['approve', 'confirm'],
  ['yes please', 'confirm'], ['yes, restart plex', 'confirm', { query: 'restart plex' }], ['okay', 'confirm'],
  ['no', 'deny'], ['cancel', 'deny'], ['nope', 'deny'], ['never mind', 'deny'], ['deny', 'deny'], ['abort', 'deny'], ['stop that', 'deny'],
  ['no, do not restart it', 'deny', { query: 'do not restart it' }], ['forget it', 'deny'], ["don't", 'deny'],
  ['help', 'help'], ['what can you do', 'help'], ['What can I ask you?', 'help'], ['what commands do you know', 'help'],
  ['remember that nas is the storage box', 'remember', { fact: 'nas is the storage box' }],
  ['please remember that the backup runs at 3', 'remember', { fact: 'the backup runs at 3' }],
  ['make a note that tank is the zfs pool', 'remember', { fact: 'tank is the zfs pool' }],
  ['forget that nas is the storage box', 'forget', { fact: 'nas is the storage box' }],
  ['forget about nas', 'forget', { fact: 'nas' }], ['forget what I told you about the backup', 'forget', { fact: 'the backup' }],
];

const openQuestions: string[] = [
  'why is my server slow since yesterday', 'write me a poem about docker', 'what should I do about the memory leak in plex',
  'compare cpu usage with last week', 'restart everything that looks broken then tell me why', 'restart everything',
  'reboot the server', 'why is plex unhealthy', 'how do I configure nginx as a reverse proxy', 'what is the weather tomorrow',
  'tell me a joke', 'what time is it', 'how much memory does plex use compared to jellyfin', 'explain the load average to me',
  'can you set up a backup job for nextcloud', 'is it safe to delete old docker images', 'what does exit code 137 mean',
  'why did the job container exit', 'summarise the errors from last night', 'what was the cpu usage at midnight',
  'should I upgrade my ram', 'what is docker', 'who are you', 'remember to restart plex tomorrow', 'forget everything',
  'yes but why is my server slow', 'no what is the cpu', 'stop everything that uses too much memory', 'run diagnostics',
  'start over', 'how is the weather in the garden', 'install home assistant for me', 'what is the meaning of life',
  'is it going to rain', 'list the files in my home folder', 'delete the logs of plex',
  'the plex logs say something about a database lock what does it mean', 'play some music', 'what is my ip address',
];

const router = testRouter();

describe('router phrasings', () => {
  it.each(matched)('"%s" -> %s', (text, intent, slots) => {
    const found = router.match(text, testVocabulary);
    expect(found?.intent ?? null).toBe(intent);
    if (slots) expect(found?.slots).toMatchObject(slots);
  });

  it.each(openQuestions)('open question "%s" goes to the brain', (text) => {
    expect(router.match(text, testVocabulary)).toBeNull();
  });

  it('has the coverage the issue asks for', () => {
    expect(matched.length + openQuestions.length).toBeGreaterThanOrEqual(150);
    expect(openQuestions.length).toBeGreaterThanOrEqual(30);
    const intents = new Set(matched.map(([, intent]) => intent));
    expect(intents.size).toBe(21);
  });
});
