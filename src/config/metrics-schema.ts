import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Prometheus metrics and /healthz (src/app/metrics-server.ts): off by default. The endpoint has no
 * authentication and tells whoever reaches it which tools ran and which alerts fire, so it listens on
 * loopback unless the operator sets `allowNonLoopback: true` as well as another address.
 */

export interface ListenAddress {
  host: string;
  port: number;
}

const listenHint = 'use "host:port", like 127.0.0.1:9464 or [::1]:9464';

/** "127.0.0.1:9464", "localhost:9464", "[::1]:9464" -> { host, port }; or the sentence saying what is wrong. */
export function parseListen(text: string): ListenAddress | { error: string } {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(text.trim());
  if (!match) return { error: `must be a host and a port, ${listenHint}` };
  const host = match[1] ?? match[2]!;
  if (match[1] !== undefined && isIP(host) !== 6) return { error: `[${host}] is not an IPv6 address; ${listenHint}` };
  const port = Number(match[3]);
  if (port < 1 || port > 65535) return { error: `port ${port} is out of range: use 1 to 65535` };
  return { host, port };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

export const metricsSchema = z
  .object({
    enabled: z.boolean().default(false),
    listen: z
      .string()
      .default('127.0.0.1:9464')
      .transform((text, context) => {
        const parsed = parseListen(text);
        if ('error' in parsed) {
          context.addIssue({ code: 'custom', message: parsed.error });
          return z.NEVER;
        }
        return parsed;
      }),
    /**
     * Anyone who reaches the port reads the metrics: a non-loopback listen address (0.0.0.0, a LAN IP)
     * is refused unless this is true too, so one edited line cannot publish them by accident.
     */
    allowNonLoopback: z.boolean().default(false),
  })
  .superRefine((metrics, context) => {
    if (!isLoopback(metrics.listen.host) && !metrics.allowNonLoopback)
      context.addIssue({
        code: 'custom',
        path: ['listen'],
        message: `${metrics.listen.host} is not a loopback address: the metrics have no password, so they stay on 127.0.0.1 or ::1 unless you also set metrics.allowNonLoopback: true`,
      });
  })
  .prefault({});

export type MetricsConfig = z.infer<typeof metricsSchema>;
