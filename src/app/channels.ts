/**
 * Every enabled channel is started the same way (keepStarting: transient failures are retried with
 * backoff, a fatal one is logged once with its fix) and stopped the same way; a notice fans out to
 * every running channel. This is the seam alerts use.
 */
import type { Channel, Notice, NoticeDelivery } from '../core/channel.js';
import { describeError } from '../errors.js';
import { keepStarting, type KeepStartingOptions } from '../keep-starting.js';
import type { Logger } from '../log.js';

export type ChannelDelivery = NoticeDelivery & { channel: string };

export interface StartChannelsOptions {
  signal: AbortSignal;
  log: Logger;
  /** Backoff of keepStarting (tests shorten it). */
  backoff?: Pick<KeepStartingOptions, 'initialDelayMs' | 'maxDelayMs' | 'sleep'>;
  /** Called once per channel after its first try (started, failed for good, or logged and retrying). */
  onFirstTry?: (channel: Channel) => void;
  /** Called each time a channel failed for now and is about to be tried again (the metrics count these). */
  onRetry?: (channel: Channel) => void;
}

/** Starts each channel in the background; resolves when every one has started or given up. */
export async function startChannels(channels: readonly Channel[], options: StartChannelsOptions): Promise<boolean[]> {
  return Promise.all(
    channels.map((channel) =>
      keepStarting(() => channel.start(options.signal), {
        what: `${channel.name} channel`,
        signal: options.signal,
        log: options.log,
        ...options.backoff,
        onFirstTry: () => options.onFirstTry?.(channel),
        onRetry: () => options.onRetry?.(channel),
      }),
    ),
  );
}

/**
 * Starts the channels in the background (startChannels) and resolves once each has had its first try:
 * started, failed for good, or failed for now and retrying, each failure logged with its reason. The
 * service tells systemd it is ready then, so a network that is not up yet never holds the boot.
 */
export async function firstTryOfChannels(channels: readonly Channel[], options: StartChannelsOptions): Promise<void> {
  let left = channels.length;
  await new Promise<void>((resolve) => {
    if (left === 0) resolve();
    void startChannels(channels, {
      ...options,
      onFirstTry: (channel) => {
        options.onFirstTry?.(channel);
        if (--left === 0) resolve();
      },
    });
  });
}

export async function stopChannels(channels: readonly Channel[], log: Logger): Promise<void> {
  const results = await Promise.allSettled(channels.map((channel) => channel.stop()));
  for (const [index, result] of results.entries()) {
    if (result.status === 'rejected')
      log.warn('channel did not stop cleanly', { channel: channels[index]?.name, error: describeError(result.reason) });
  }
}

/** Whether a channel gets this notice (alert routing: severity, mute, quiet hours), and why not. */
export type NoticeRoute = (channel: Channel) => { send: boolean; reason: string };

export interface NotifyOptions {
  /**
   * false: hand the notice to channels that were built but never started (the CLI's `sysvox alerts test`
   * sends through notify-only channels and must not start Telegram's polling). Default true.
   */
  requireRunning?: boolean;
}

/**
 * Hands the notice to every running channel at once; a channel that is not running, or that `route`
 * leaves out, is reported as skipped with the reason.
 */
export async function notifyChannels(
  channels: readonly Channel[],
  notice: Notice,
  parentLog: Logger,
  route?: NoticeRoute,
  options: NotifyOptions = {},
): Promise<ChannelDelivery[]> {
  const log = parentLog.child('notice');
  const deliveries = await Promise.all(
    channels.map(async (channel): Promise<ChannelDelivery> => {
      const decision = route?.(channel);
      if (decision && !decision.send) return { channel: channel.name, status: 'skipped', detail: decision.reason };
      const health = channel.health();
      if (options.requireRunning !== false && health.status !== 'running')
        return { channel: channel.name, status: 'skipped', detail: `not running: ${health.detail}` };
      try {
        return { channel: channel.name, ...(await channel.notify(notice)) };
      } catch (error) {
        return { channel: channel.name, status: 'failed', detail: describeError(error) };
      }
    }),
  );
  log.info('notice', {
    key: notice.key,
    severity: notice.severity,
    deliveries: deliveries.map((delivery) => `${delivery.channel}: ${delivery.status}`),
  });
  return deliveries;
}
