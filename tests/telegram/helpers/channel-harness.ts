/**
 * Starts the fake Bot API and a real Telegram channel (real telegraf) against it, with a scripted
 * core, an approval resolver that records calls (by default it answers like the policy does), an in-memory kv and audit, and a captured log.
 */
import { telegramSchema } from '../../../src/config/telegram-schema.js';
import type { Core } from '../../../src/core/turn.js';
import { createLogger } from '../../../src/log.js';
import type { SpeechToText } from '../../../voice/stt/stt.js';
import type { TextToSpeech } from '../../../voice/tts/tts.js';
import { createTelegramChannel, type TelegramChannel } from '../../../channels/telegram/telegram-channel.js';
import {
  createMemoryKeyValueStore,
  type ApprovalResolver,
  type KeyValueStore,
  type PendingApprovals,
} from '../../../channels/telegram/ports.js';
import { startFakeTelegram, type FakeTelegram } from '../../fakes/fake-telegram.js';

export const allowedUser = 1111;
export const approverUser = 2222;
export const strangerUser = 6666;
/** The signal a test passes to start(): tests stop channels with close(), never by aborting. */
export const keepRunning = new AbortController().signal;

export interface Harness {
  fake: FakeTelegram;
  channel: TelegramChannel;
  kv: KeyValueStore;
  audits: { kind: string; detail: unknown }[];
  logLines: string[];
  resolverCalls: Parameters<ApprovalResolver['resolve']>[0][];
  sentTexts: FakeTelegram['sentTexts'];
  close(): Promise<void>;
}

export interface HarnessOptions {
  core: Core;
  fake?: FakeTelegram;
  kv?: KeyValueStore;
  token?: string;
  stt?: SpeechToText;
  tts?: TextToSpeech;
  telegram?: Record<string, unknown>;
  resolve?: ApprovalResolver['resolve'];
  pendingFor?: PendingApprovals;
  /** getUpdates back-off; short by default so retries happen within a test. */
  backoff?: { initialMs: number; maxMs: number };
}

const unusedStt: SpeechToText = {
  name: 'unused',
  transcribe: () => Promise.reject(new Error('no STT in this test')),
  probe: () => Promise.reject(new Error('unused')),
};
const unusedTts: TextToSpeech = {
  name: 'unused',
  synthesize: () => ({
    [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('no TTS in this test')) }),
  }),
  probe: () => Promise.reject(new Error('unused')),
};

/** Like the policy: the first decision on an approval wins; any later press finds it already resolved. */
function policyLikeResolver(): ApprovalResolver['resolve'] {
  const decided = new Set<string>();
  return async ({ approvalId, decision }) => {
    if (decided.has(approvalId))
      return { status: 'already-resolved', text: 'The request to restart plex was already executed.' };
    decided.add(approvalId);
    return decision === 'approve'
      ? { status: 'executed', text: 'Done: restarted plex.' }
      : { status: 'denied', text: 'Cancelled: I will not restart plex.' };
  };
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const fake = options.fake ?? (await startFakeTelegram());
  const kv = options.kv ?? createMemoryKeyValueStore();
  const audits: Harness['audits'] = [];
  const logLines: string[] = [];
  const resolverCalls: Harness['resolverCalls'] = [];
  const resolve = options.resolve ?? policyLikeResolver();
  const telegram = telegramSchema.parse({
    enabled: true,
    token: options.token ?? fake.token,
    allowedUserIds: [allowedUser],
    pollTimeoutSeconds: 1,
    ...options.telegram,
  });
  const channel = createTelegramChannel({
    config: { channels: { telegram }, policy: { approvers: [`telegram:${approverUser}`] } },
    core: options.core,
    approvals: {
      resolve: (args) => {
        resolverCalls.push(args);
        return resolve(args);
      },
    },
    pendingFor: options.pendingFor,
    stt: options.stt ?? unusedStt,
    tts: options.tts ?? unusedTts,
    kv,
    audit: { record: (entry) => void audits.push(entry) },
    log: createLogger({ level: 'debug', write: (line) => void logLines.push(line) }),
    telegramOptions: {
      apiRoot: fake.apiRoot,
      backoff: options.backoff ?? { initialMs: 20, maxMs: 100 },
      chatActionIntervalMs: 100,
    },
  });
  return {
    fake,
    channel,
    kv,
    audits,
    logLines,
    resolverCalls,
    sentTexts: fake.sentTexts,
    async close() {
      await channel.stop();
      if (!options.fake) await fake.close();
    },
  };
}
