/**
 * How a notice is published to ntfy (docs.ntfy.sh/publish): the text is the request body, and the
 * title, priority (1-5) and tags travel as headers. Tags that name emoji short codes are shown as
 * emoji before the title: information_source, warning, rotating_light.
 */
import type { NtfyConfig } from '../../src/config/ntfy-schema.js';
import type { Notice, NoticeSeverity } from '../../src/core/channel.js';
import { noticeMessage, noticeTitle, type ApproveWith } from '../push/notice-text.js';

export const severityTags: Record<NoticeSeverity, string> = {
  info: 'information_source',
  warning: 'warning',
  critical: 'rotating_light',
};

/** ntfy turns a body over 4096 bytes into a file attachment (or refuses it): a long notice is cut below that. */
const maxBodyBytes = 4000;

export interface NtfyPublication {
  headers: Record<string, string>;
  body: string;
}

export function ntfyPublication(
  notice: Notice,
  options: { priorities: NtfyConfig['priorities']; token?: string; approveWith: ApproveWith; now: number },
): NtfyPublication {
  return {
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      title: noticeTitle(notice.severity),
      priority: String(options.priorities[notice.severity]),
      tags: severityTags[notice.severity],
      ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
    },
    body: clipBytes(noticeMessage(notice, options), maxBodyBytes),
  };
}

/** The text cut to at most `limit` UTF-8 bytes, at a whole character, marked as cut. */
export function clipBytes(text: string, limit: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= limit) return text;
  const marker = ' [...]';
  return (
    bytes
      .subarray(0, limit - marker.length)
      .toString('utf8')
      .replace(/\uFFFD+$/, '') + marker
  );
}

/** The topic as logs and health show it: on an open server its name is the secret, so only its start. */
export function shownTopic(topic: string): string {
  return topic.length <= 4 ? 'topic ****' : `topic ${topic.slice(0, 3)}...`;
}
