import { userInfo } from 'node:os';
import type { PersonRef } from '../types.js';

/** The person at this terminal: the CLI channel, identified by the Unix user name. */
export function localPerson(): PersonRef {
  const name = safeUserName();
  return { channel: 'cli', externalId: name, displayName: name };
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'local';
  }
}
