/**
 * The spoken-command corpus: espeak-ng voices and speeds x commands (with the intent and the container
 * each should give), run through the service's pocketsphinx path (commandGrammar + createPocketsphinxStt)
 * and the router. bench/speech-accuracy.ts runs all of it; tests/stt/speech-accuracy.test.ts a slice.
 * Container names are the test Docker engine's fixtures (scripts/docker-test-engine.sh) plus jellyfin.
 */
import type { Router } from '../../src/router/router.js';
import type { Vocabulary } from '../../src/router/types.js';
import { commandGrammar } from '../../voice/stt/jsgf-grammar.js';
import { createPocketsphinxStt } from '../../voice/stt/pocketsphinx-stt.js';
import type { SttHints } from '../../voice/stt/stt.js';
import { speak } from '../helpers/audio-fixtures.js';

export interface SpokenVoice {
  label: string;
  voice: string;
  speed: number;
}

export interface SpokenCommand {
  said: string;
  intent: string;
  container?: string;
  /** Said while an approval ("yes, restart plex-server") is pending. */
  pending?: boolean;
}

export const corpusVocabulary: Vocabulary = {
  container: ['web-healthy', 'db-unhealthy', 'job-exited', 'worker-restarting', 'plex-server', 'jellyfin'],
  mount: ['/', '/data'],
  host: [],
};

export const pendingPhrase = 'yes, restart plex-server';

export const spokenVoices: readonly SpokenVoice[] = [
  { label: 'en-us 175', voice: 'en-us', speed: 175 },
  { label: 'en-gb 175', voice: 'en', speed: 175 },
  { label: 'en-gb-x-rp 160', voice: 'en-gb-x-rp', speed: 160 },
  { label: 'en+f3 175', voice: 'en+f3', speed: 175 },
  { label: 'en+m3 175', voice: 'en+m3', speed: 175 },
  { label: 'en-us+f2 175', voice: 'en-us+f2', speed: 175 },
  { label: 'en-us 140', voice: 'en-us', speed: 140 },
  { label: 'en-us 200', voice: 'en-us', speed: 200 },
  { label: 'en-gb-scotland 175', voice: 'en-gb-scotland', speed: 175 },
];

export const spokenCommands: readonly SpokenCommand[] = [
  { said: 'help', intent: 'help' },
  { said: 'what is the temperature', intent: 'temperature' },
  { said: 'uptime', intent: 'uptime' },
  { said: 'is plex healthy', intent: 'container_status', container: 'plex-server' },
  { said: 'restart jellyfin', intent: 'container_restart', container: 'jellyfin' },
  { said: 'what is the cpu usage', intent: 'cpu' },
  { said: 'memory usage', intent: 'memory' },
  { said: 'which containers are unhealthy', intent: 'unhealthy_containers' },
  { said: 'yes', intent: 'confirm', pending: true },
  { said: 'stop', intent: 'deny' },
  { said: 'what can you do', intent: 'help' },
  { said: 'how hot is the cpu', intent: 'temperature' },
  { said: 'how long has the server been up', intent: 'uptime' },
  { said: 'how busy is the server', intent: 'cpu' },
  { said: 'how much memory is used', intent: 'memory' },
  { said: 'what is the load average', intent: 'load' },
  { said: 'system load', intent: 'load' },
  { said: 'disk space', intent: 'disk' },
  { said: 'how full is the disk', intent: 'disk' },
  { said: 'status report', intent: 'status' },
  { said: 'how is the server doing', intent: 'status' },
  { said: 'list containers', intent: 'list_containers' },
  { said: 'what is running on docker', intent: 'list_containers' },
  { said: 'status of web healthy', intent: 'container_status', container: 'web-healthy' },
  { said: 'show the db unhealthy logs', intent: 'container_logs', container: 'db-unhealthy' },
  { said: 'plex server logs', intent: 'container_logs', container: 'plex-server' },
  { said: 'restart plex server', intent: 'container_restart', container: 'plex-server' },
  { said: 'stop worker restarting', intent: 'container_stop', container: 'worker-restarting' },
  { said: 'start job exited', intent: 'container_start', container: 'job-exited' },
  { said: 'is jellyfin running', intent: 'container_status', container: 'jellyfin' },
  { said: 'top processes', intent: 'top_cpu' },
  { said: 'what is using the most memory', intent: 'top_memory' },
  { said: 'what is wrong', intent: 'alerts' },
  { said: 'yes restart plex server', intent: 'confirm', pending: true },
  { said: 'go ahead', intent: 'confirm', pending: true },
  { said: 'no', intent: 'deny', pending: true },
];

/**
 * Held out: written before the grammar work of docs/decisions/023 and never used to tune it, so the bench
 * shows whether a change helps phrasings nobody looked at. Each routes to its intent when typed.
 */
export const heldOutCommands: readonly SpokenCommand[] = [
  { said: 'how much disk space is left', intent: 'disk' },
  { said: 'show the jellyfin logs', intent: 'container_logs', container: 'jellyfin' },
  { said: 'is the cpu busy', intent: 'cpu' },
  { said: 'what is the memory usage', intent: 'memory' },
  { said: 'how hot is the server', intent: 'temperature' },
  { said: 'restart the plex server container', intent: 'container_restart', container: 'plex-server' },
  { said: 'stop jellyfin', intent: 'container_stop', container: 'jellyfin' },
  { said: 'which containers are running', intent: 'list_containers' },
  { said: 'when did the server last reboot', intent: 'uptime' },
  { said: 'what is the uptime', intent: 'uptime' },
  { said: 'load average', intent: 'load' },
  { said: 'any unhealthy containers', intent: 'unhealthy_containers' },
  { said: 'is plex running', intent: 'container_status', container: 'plex-server' },
  { said: 'how is the memory', intent: 'memory' },
  { said: 'overall status', intent: 'status' },
  { said: 'check the disk', intent: 'disk' },
  { said: 'cancel', intent: 'deny' },
  { said: 'sure', intent: 'confirm', pending: true },
  { said: 'what is the temperature of the cpu', intent: 'temperature' },
  { said: 'top memory processes', intent: 'top_memory' },
  { said: 'how are things looking', intent: 'status' },
  { said: 'start jellyfin', intent: 'container_start', container: 'jellyfin' },
  { said: 'is the disk full', intent: 'disk' },
  { said: 'what is the status of plex', intent: 'container_status', container: 'plex-server' },
  { said: 'cpu usage', intent: 'cpu' },
  { said: 'how much ram is free', intent: 'memory' },
];

export interface SpokenResult {
  command: SpokenCommand;
  voice: SpokenVoice;
  heard: string;
  exact: boolean;
  intentRight: boolean;
  /**
   * right: the intent (and container) said; rejected: nothing heard or nothing the router matches, so the
   * person hears "I didn't catch that"; wrong: another intent or container, which is worse than a rejection.
   */
  outcome: 'right' | 'wrong' | 'rejected';
}

/** A runner over one pocketsphinx recogniser, built the way src/app/wire-voice.ts builds it. */
export function createSpokenRunner(router: Router) {
  const stt = createPocketsphinxStt({ grammar: (hints) => commandGrammar(hints, { lexicon: router.lexicon }) });
  return {
    async run(command: SpokenCommand, voice: SpokenVoice): Promise<SpokenResult> {
      const hints: SttHints = {
        vocabulary: corpusVocabulary,
        pendingConfirmations: command.pending ? [pendingPhrase] : [],
      };
      const audio = speak(command.said, { voice: voice.voice, speed: voice.speed });
      const heard = (await stt.transcribe(audio, { hints })).text;
      const match = heard ? router.match(heard, corpusVocabulary) : null;
      const intentRight =
        match?.intent === command.intent && (!command.container || match.slots.container === command.container);
      const outcome = intentRight ? 'right' : match ? 'wrong' : 'rejected';
      return { command, voice, heard, exact: heard === command.said, intentRight, outcome };
    },
    close: () => stt.close?.(),
  };
}

export interface SpokenRates {
  total: number;
  exact: number;
  intent: number;
  wrong: number;
  rejected: number;
}

/** Per voice: how many transcripts were exact, gave the right intent (and container), a wrong one, or none. */
export function ratesByVoice(results: readonly SpokenResult[]): Map<string, SpokenRates> {
  const rows = new Map<string, SpokenRates>();
  for (const result of results) {
    const row = rows.get(result.voice.label) ?? { total: 0, exact: 0, intent: 0, wrong: 0, rejected: 0 };
    row.total++;
    if (result.exact) row.exact++;
    if (result.outcome === 'right') row.intent++;
    if (result.outcome === 'wrong') row.wrong++;
    if (result.outcome === 'rejected') row.rejected++;
    rows.set(result.voice.label, row);
  }
  return rows;
}
