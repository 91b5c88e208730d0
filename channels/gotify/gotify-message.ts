/**
 * The body Gotify's POST /message takes (gotify/server model.MessageExternal): title, message,
 * priority 0-10, and extras; client::display marks the text as plain so no client renders it as Markdown.
 */
import type { GotifyConfig } from '../../src/config/gotify-schema.js';
import type { Notice } from '../../src/core/channel.js';
import { noticeMessage, noticeTitle, type ApproveWith } from '../push/notice-text.js';

export interface GotifyMessage {
  title: string;
  message: string;
  priority: number;
  extras: { 'client::display': { contentType: 'text/plain' } };
}

export function gotifyMessage(
  notice: Notice,
  options: { priorities: GotifyConfig['priorities']; approveWith: ApproveWith; now: number },
): GotifyMessage {
  return {
    title: noticeTitle(notice.severity),
    message: noticeMessage(notice, options),
    priority: options.priorities[notice.severity],
    extras: { 'client::display': { contentType: 'text/plain' } },
  };
}
