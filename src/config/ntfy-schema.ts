import { z } from 'zod';
import { humanDuration, pushServerUrl } from './limits.js';

/**
 * The ntfy push channel (https://ntfy.sh or a self-hosted server): sysvox publishes each notice to one
 * topic. On a server without access control the topic name is the only secret: anyone who knows it
 * can read the alerts, so pick one that cannot be guessed. A protected topic needs an access token
 * (tk_...), from SYSVOX_NTFY_TOKEN or channels.ntfy.token; it is never logged.
 */

/** ntfy's topic rule (server/server.go topicRegex) and the names its web app uses for itself. */
const topicPattern = /^[-_A-Za-z0-9]{1,64}$/;
const reservedTopics = ['docs', 'static', 'file', 'app', 'metrics', 'account', 'settings', 'signup', 'login', 'v1'];

const topic = z
  .string()
  .regex(topicPattern, "must be 1 to 64 letters, digits, dashes or underscores (ntfy's rule for topic names)")
  .refine((name) => !reservedTopics.includes(name), {
    message: `is a name ntfy keeps for itself (${reservedTopics.join(', ')}); choose another`,
  });

/** ntfy's five priorities, by number or by name. */
const priorityNames: Record<string, number> = { min: 1, low: 2, default: 3, high: 4, urgent: 5, max: 5 };
const priorityError = 'must be 1 to 5 or one of min, low, default, high, urgent (ntfy priorities)';

function ntfyPriority() {
  return z.union([z.number(), z.string()]).transform((value, context) => {
    const priority = typeof value === 'number' ? value : priorityNames[value.trim().toLowerCase()];
    if (priority === undefined || !Number.isInteger(priority) || priority < 1 || priority > 5) {
      context.addIssue({ code: 'custom', message: priorityError });
      return z.NEVER;
    }
    return priority;
  });
}

export const ntfySchema = z
  .strictObject({
    enabled: z.boolean().default(false),
    /** The ntfy server, with its path prefix behind a reverse proxy: https://example.org/ntfy/ */
    url: pushServerUrl().default('https://ntfy.sh'),
    topic: topic.optional(),
    /** An access token (tk_...) for a protected topic, sent as "Authorization: Bearer". */
    token: z.string().trim().min(1, 'must not be empty').optional(),
    /** 1 min, 2 low, 3 default, 4 high (long vibration), 5 urgent (pop-up, long vibration bursts). */
    priorities: z
      .strictObject({
        info: ntfyPriority().prefault(3),
        warning: ntfyPriority().prefault(4),
        critical: ntfyPriority().prefault(5),
      })
      .prefault({}),
    /** How long one POST may take before the notice counts as failed. */
    timeout: humanDuration({ min: 500, max: 120_000 }).prefault('10s'),
  })
  .superRefine((ntfy, context) => {
    if (ntfy.enabled && ntfy.topic === undefined)
      context.addIssue({
        code: 'custom',
        path: ['topic'],
        message: 'ntfy is enabled but has no topic (choose one that cannot be guessed, like nas-alerts-7f3k)',
      });
  })
  .prefault({});

export type NtfyConfig = z.infer<typeof ntfySchema>;
