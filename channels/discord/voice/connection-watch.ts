/**
 * Keeps a voice connection alive the way @discordjs/voice documents it: on Disconnected, wait a few
 * seconds for the library to start reconnecting by itself (Signalling or Connecting: a moved channel or
 * a resumable drop) and then to be Ready again; otherwise destroy it and rejoin with backoff.
 */
import { entersState, VoiceConnectionStatus, type VoiceConnection } from '@discordjs/voice';
import { describeError } from '../../../src/errors.js';
import type { Logger } from '../../../src/log.js';

export interface ConnectionWatchOptions {
  graceMs: number;
  readyTimeoutMs: number;
  log: Logger;
  /** The library reconnected by itself. */
  onRecovered(): void;
  /** It did not: the connection was destroyed and sysvox must rejoin; `why` says what was lost. */
  onLost(why: string): void;
}

/** Watches one connection until it is destroyed; returns the function that stops watching. */
export function watchConnection(connection: VoiceConnection, options: ConnectionWatchOptions): () => void {
  let recovering = false;
  let stopped = false;
  const onError = (error: Error) => options.log.warn('voice connection error', { error: describeError(error) });
  const onDisconnected = () => {
    if (recovering || stopped) return;
    recovering = true;
    const why = disconnectReason(connection);
    options.log.warn('voice connection dropped', { why });
    void recover(connection, options).then((recovered) => {
      recovering = false;
      if (stopped) return;
      if (recovered) return options.onRecovered();
      stopped = true;
      safeDestroy(connection, options.log);
      options.onLost(why);
    });
  };
  connection.on('error', onError);
  connection.on(VoiceConnectionStatus.Disconnected, onDisconnected);
  return () => {
    stopped = true;
    connection.off(VoiceConnectionStatus.Disconnected, onDisconnected);
    // The error listener stays: an emitter without one throws, and a destroyed connection may still emit.
  };
}

async function recover(connection: VoiceConnection, options: ConnectionWatchOptions): Promise<boolean> {
  try {
    await Promise.race([
      entersState(connection, VoiceConnectionStatus.Signalling, options.graceMs),
      entersState(connection, VoiceConnectionStatus.Connecting, options.graceMs),
    ]);
    await entersState(connection, VoiceConnectionStatus.Ready, options.readyTimeoutMs);
    return true;
  } catch {
    return false;
  }
}

export function disconnectReason(connection: VoiceConnection): string {
  const state = connection.state;
  if (state.status !== VoiceConnectionStatus.Disconnected) return `connection ${state.status}`;
  const reasons = [
    'the voice WebSocket closed',
    'the gateway adapter is unavailable',
    'the voice server endpoint was removed',
    'it was disconnected on purpose',
  ];
  const reason = reasons[state.reason] ?? 'unknown reason';
  return 'closeCode' in state ? `${reason} (close code ${state.closeCode})` : reason;
}

export function safeDestroy(connection: VoiceConnection, log: Logger): void {
  try {
    if (connection.state.status !== VoiceConnectionStatus.Destroyed) connection.destroy();
  } catch (error) {
    log.debug('destroying the voice connection failed', { error: describeError(error) });
  }
}
