/**
 * Discord-safe text: markdown characters from tool output shown as written (escaped), control
 * characters neutralised, and messages split under Discord's 2,000-character limit on line boundaries,
 * else after a sentence, else between words. Mentions never ping: every send sets allowed_mentions to none.
 */
import { escapeMarkdown } from 'discord.js';
import { splitMessage } from '../../src/toolkit/split-message.js';
import { neutraliseControls } from '../../src/toolkit/terminal-safe.js';

/** Discord refuses a message whose content is longer than this (Discord: Channel > Create Message). */
export const discordMessageLimit = 2000;

/** Nobody is pinged by what sysvox writes, whatever the text holds (@everyone from a log line). */
export const noMentions = { parse: [] as [] };

/** Plain text to message bodies, each within Discord's limit once escaped. */
export function formatReply(text: string): string[] {
  const escaped = escapeMarkdown(neutraliseControls(text));
  return splitMessage(escaped, discordMessageLimit);
}
