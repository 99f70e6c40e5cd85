import crypto from 'node:crypto';

/** A fresh token per launch of the web host: 32 random bytes, base64url (43 characters). */
export function createAccessToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/**
 * Compares a presented token with the launch's in constant time: both are hashed to 32 bytes
 * first, so timingSafeEqual compares equal lengths and the time taken says nothing about how much
 * of a guess was right.
 */
export function tokenMatches(expected: string, presented: string | string[] | undefined): boolean {
  if (typeof presented !== 'string' || presented.length === 0 || presented.length > 256) return false;
  const a = crypto.createHash('sha256').update(expected, 'utf8').digest();
  const b = crypto.createHash('sha256').update(presented, 'utf8').digest();
  return crypto.timingSafeEqual(a, b);
}
