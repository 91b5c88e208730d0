/**
 * A channel that fails to start for now (the network is not up yet) is tried again; each retry is
 * counted in sysvox_channel_restarts_total, the seam the app wires (startChannels' onRetry).
 */
import { describe, expect, it } from 'vitest';
import { startChannels } from '../../src/app/channels.js';
import { createMetrics } from '../../src/app/metrics.js';
import type { Channel } from '../../src/core/channel.js';
import { ChannelError } from '../../src/errors.js';
import { createLogger } from '../../src/log.js';
import { parsePrometheusText, valueOf } from './prometheus-text.js';

function channelFailingFirst(name: string, failures: number): Channel {
  let left = failures;
  return {
    name,
    async start() {
      if (left-- > 0) throw new ChannelError(name, 'the network is not up yet', { transient: true });
    },
    async stop() {},
    health: () => ({ status: 'running', detail: 'running' }),
    notify: async () => ({ status: 'delivered', detail: 'ok' }),
  };
}

describe('channel restarts in the metrics', () => {
  it('counts each retry of a channel that failed for now, and none for one that started at once', async () => {
    const metrics = createMetrics({ isTool: () => false, firingSeverities: () => [] });
    const started = await startChannels([channelFailingFirst('telegram', 2), channelFailingFirst('ntfy', 0)], {
      signal: new AbortController().signal,
      log: createLogger({ write: () => {} }),
      backoff: { sleep: async () => {} },
      onRetry: (channel) => metrics.channelRestarted(channel.name),
    });
    expect(started).toEqual([true, true]);
    const families = parsePrometheusText(await metrics.registry.metrics());
    expect(valueOf(families, 'sysvox_channel_restarts_total', { channel: 'telegram' })).toBe(2);
    expect(valueOf(families, 'sysvox_channel_restarts_total', { channel: 'ntfy' })).toBeUndefined();
  });
});
