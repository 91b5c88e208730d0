import { z } from 'zod';
import { humanDuration, pushServerUrl } from './limits.js';

/**
 * The Gotify push channel (https://gotify.net): sysvox posts each notice to a Gotify server as one
 * application. The token is that application's token (Gotify: Apps > Create Application); it comes
 * from SYSVOX_GOTIFY_TOKEN or channels.gotify.token and is never logged.
 */
const gotifyPriority = z
  .number({ error: 'must be a whole number from 0 to 10 (Gotify priorities)' })
  .int('must be a whole number from 0 to 10 (Gotify priorities)')
  .min(0, 'must be from 0 to 10 (Gotify priorities)')
  .max(10, 'must be from 0 to 10 (Gotify priorities)');

export const gotifySchema = z
  .strictObject({
    enabled: z.boolean().default(false),
    /** The Gotify server, with its path prefix behind a reverse proxy: https://example.org/gotify/ */
    url: pushServerUrl().optional(),
    /** An application token (not a client token): Gotify's web UI, Apps, Create Application. */
    token: z.string().trim().min(1, 'must not be empty').optional(),
    /**
     * Gotify's Android app: 0 shows nothing, 1-3 an icon only, 4-7 an icon and a sound,
     * 8-10 an icon, a sound and a pop-up.
     */
    priorities: z
      .strictObject({
        info: gotifyPriority.default(2),
        warning: gotifyPriority.default(5),
        critical: gotifyPriority.default(8),
      })
      .prefault({}),
    /** How long one POST may take before the notice counts as failed. */
    timeout: humanDuration({ min: 500, max: 120_000 }).prefault('10s'),
  })
  .superRefine((gotify, context) => {
    if (!gotify.enabled) return;
    if (gotify.url === undefined)
      context.addIssue({
        code: 'custom',
        path: ['url'],
        message: 'Gotify is enabled but has no server address (like https://gotify.example.org)',
      });
    if (gotify.token === undefined)
      context.addIssue({
        code: 'custom',
        path: ['token'],
        message:
          "Gotify is enabled but has no application token: create one in Gotify's web UI (Apps, Create Application) and set it",
      });
  })
  .prefault({});

export type GotifyConfig = z.infer<typeof gotifySchema>;
