/**
 * The one call the app makes: builds the Discord voice side, or, when @discordjs/voice cannot load (its
 * DAVE library @snazzah/davey is a native module loaded on import; a platform without a prebuilt binary
 * throws there), a stand-in whose join() refuses with the reason and whose health() says it. Either way
 * the Discord text side starts and keeps working.
 */
import type { ChannelHealth } from '../../../src/core/channel.js';
import { ChannelError, describeError } from '../../../src/errors.js';
import type { DiscordVoice } from '../voice-port.js';
import type { DiscordVoiceOptions } from './voice-options.js';

export async function loadDiscordVoice(options: DiscordVoiceOptions): Promise<DiscordVoice> {
  try {
    const { createDiscordVoice } = await import('./discord-voice.js');
    return createDiscordVoice(options);
  } catch (error) {
    const reason = `Discord voice is unavailable: @discordjs/voice did not load (${describeError(error)})`;
    options.log.child('discord:voice').error(reason, { fix: 'reinstall sysvox (npm ci) on a supported platform' });
    return unavailableVoice(reason);
  }
}

export function unavailableVoice(reason: string): DiscordVoice {
  const health: ChannelHealth = { status: 'failed', detail: reason };
  return {
    join: () =>
      Promise.reject(new ChannelError('discord', reason, { spoken: 'Voice is not available on this server.' })),
    leave: () => Promise.resolve(),
    connected: () => false,
    quiet: () => false,
    speak: () => Promise.resolve(),
    health: () => ({ ...health }),
    stop: () => Promise.resolve(),
  };
}
