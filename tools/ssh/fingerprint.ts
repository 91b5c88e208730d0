/**
 * Host key fingerprints as OpenSSH prints them: "SHA256:" and the base64 of the SHA-256 of the raw key
 * blob, WITHOUT the trailing "=" (ssh-keygen -lf, ssh's "key fingerprint is"). ssh2's hostVerifier hands
 * over the raw blob; comparing its padded base64, or a hex hash, with a pasted fingerprint would never
 * match. See docs/decisions/027-host-key-fingerprints.md.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** The OpenSSH fingerprint of a raw host key blob (the base64 field of a .pub or known_hosts line, decoded). */
export function fingerprintOf(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** The 32 digest bytes a fingerprint names, padded or not; null when it is not a SHA256 fingerprint. */
export function fingerprintDigest(fingerprint: string): Buffer | null {
  const match = /^SHA256:([A-Za-z0-9+/]{43})=?$/.exec(fingerprint.trim());
  if (!match) return null;
  const digest = Buffer.from(`${match[1]}=`, 'base64');
  return digest.length === 32 ? digest : null;
}

/** Whether a raw key blob is the one a pinned fingerprint names (compares digests, not text). */
export function matchesFingerprint(keyBlob: Buffer, pinned: string): boolean {
  const wanted = fingerprintDigest(pinned);
  if (!wanted) return false;
  return timingSafeEqual(createHash('sha256').update(keyBlob).digest(), wanted);
}

/** The key type named inside a blob ("ssh-ed25519"), for messages; 'key' when it cannot be read. */
export function keyTypeOf(keyBlob: Buffer): string {
  if (keyBlob.length < 4) return 'key';
  const length = keyBlob.readUInt32BE(0);
  if (length <= 0 || length > 64 || keyBlob.length < 4 + length) return 'key';
  const type = keyBlob.subarray(4, 4 + length).toString('latin1');
  return /^[a-z0-9@.-]+$/.test(type) ? type : 'key';
}
