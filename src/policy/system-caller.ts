/**
 * The caller for work that no person started: an alert that offers a restart, a schedule. It calls
 * tools through the same runner as everyone else, so a confirm-tier tool waits for an approval
 * (expiry, argument hash, once only, audit), which approvers and the server's operator may give.
 */
import type { PersonRef } from '../types.js';

export const systemChannel = 'system';

/** How sysvox itself is stored in memory: one person, like any channel identity. */
export const systemPerson: PersonRef = { channel: systemChannel, externalId: 'sysvox', displayName: 'sysvox' };

/** True for an approval (or caller) that sysvox itself asked for. */
export function isSystem(requester: { channel: string }): boolean {
  return requester.channel === systemChannel;
}
