/**
 * Per-server choices that survive a restart, in the kv store under discord.*: whether sysvox speaks
 * alerts and answers into the voice call there (/voice on|off; default channels.discord.voice.speakInCall).
 */
import type { KeyValueStore } from './ports.js';

export interface DiscordSettings {
  speaksInCall(guildId: string | undefined): boolean;
  setSpeaksInCall(guildId: string, enabled: boolean): void;
}

export function createDiscordSettings(kv: KeyValueStore, defaults: { speakInCall: boolean }): DiscordSettings {
  return {
    speaksInCall(guildId) {
      const stored = guildId === undefined ? undefined : kv.get(`discord.speak-in-call.${guildId}`);
      return stored === undefined ? defaults.speakInCall : stored === 'on';
    },
    setSpeaksInCall(guildId, enabled) {
      kv.set(`discord.speak-in-call.${guildId}`, enabled ? 'on' : 'off');
    },
  };
}
