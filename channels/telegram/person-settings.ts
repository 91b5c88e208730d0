/**
 * Per-person and per-chat choices that survive a restart: voice replies (/voice on|off) and alert
 * muting (/mute, /unmute), plus the getUpdates offset. All live in the kv store under telegram.*.
 */
import type { KeyValueStore } from './ports.js';

const offsetKey = 'telegram.update-offset';

export interface TelegramSettings {
  voiceRepliesFor(userId: number): boolean;
  setVoiceReplies(userId: number, enabled: boolean): void;
  isMuted(chatId: number): boolean;
  setMuted(chatId: number, muted: boolean): void;
  /** The next update_id to ask for; 0 when nothing was handled yet. */
  updateOffset(): number;
  saveUpdateOffset(offset: number): void;
}

export function createTelegramSettings(kv: KeyValueStore, defaults: { voiceReplies: boolean }): TelegramSettings {
  return {
    voiceRepliesFor(userId) {
      const stored = kv.get(`telegram.voice.${userId}`);
      return stored === undefined ? defaults.voiceReplies : stored === 'on';
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
  };
}
