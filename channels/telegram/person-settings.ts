/**
 * Per-person and per-chat choices that survive a restart: voice replies (/voice on|off) and alert
 * muting (/mute, /unmute), plus the getUpdates offset and the updates received but not yet handled.
 * All live in the kv store under telegram.*.
 */
import type { Update } from 'telegraf/types';
import type { KeyValueStore } from './ports.js';

const offsetKey = 'telegram.update-offset';
const inboxKey = 'telegram.updates-not-handled';

export interface TelegramSettings {
  /** The person's /voice choice, or `fallback` (the config's voiceReplies unless given) when they never chose. */
  voiceRepliesFor(userId: number, fallback?: boolean): boolean;
  setVoiceReplies(userId: number, enabled: boolean): void;
  isMuted(chatId: number): boolean;
  setMuted(chatId: number, muted: boolean): void;
  /** The next update_id to ask for; 0 when nothing was handled yet. */
  updateOffset(): number;
  saveUpdateOffset(offset: number): void;
  /** Updates confirmed to Telegram (below the offset) whose handling has not finished: replayed on start. */
  updatesNotHandled(): Update[];
  saveUpdatesNotHandled(updates: Update[]): void;
}

export function createTelegramSettings(kv: KeyValueStore, defaults: { voiceReplies: boolean }): TelegramSettings {
  return {
    voiceRepliesFor(userId, fallback = defaults.voiceReplies) {
      const stored = kv.get(`telegram.voice.${userId}`);
      return stored === undefined ? fallback : stored === 'on';
    },
    setVoiceReplies(userId, enabled) {
      kv.set(`telegram.voice.${userId}`, enabled ? 'on' : 'off');
    },
    isMuted: (chatId) => kv.get(`telegram.mute.${chatId}`) === 'on',
    setMuted(chatId, muted) {
      kv.set(`telegram.mute.${chatId}`, muted ? 'on' : 'off');
    },
    updateOffset() {
      const stored = Number(kv.get(offsetKey) ?? '0');
      return Number.isSafeInteger(stored) && stored > 0 ? stored : 0;
    },
    saveUpdateOffset(offset) {
      kv.set(offsetKey, String(offset));
    },
    updatesNotHandled() {
      try {
        const stored: unknown = JSON.parse(kv.get(inboxKey) ?? '[]');
        return Array.isArray(stored) ? (stored as Update[]) : [];
      } catch {
        return [];
      }
    },
    saveUpdatesNotHandled(updates) {
      kv.set(inboxKey, JSON.stringify(updates));
    },
  };
}
