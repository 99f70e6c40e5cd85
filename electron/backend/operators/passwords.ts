import crypto from 'node:crypto';

/**
 * Operator passwords are stored only as scrypt(password, salt): a 16-byte random salt and a
 * 64-byte key. N = 2^15, r = 8 costs about 32 MiB and a tenth of a second per try, so a copied
 * database cannot be searched for passwords quickly. Compared in constant time.
 */
const SCRYPT_OPTIONS: crypto.ScryptOptions = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
export const SALT_BYTES = 16;
export const KEY_BYTES = 64;

function scrypt(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    crypto.scrypt(password.normalize('NFC'), salt, KEY_BYTES, SCRYPT_OPTIONS, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<{ salt: Buffer; hash: Buffer }> {
  const salt = crypto.randomBytes(SALT_BYTES);
  return { salt, hash: await scrypt(password, salt) };
}

export async function verifyPassword(password: string, salt: Buffer, hash: Buffer): Promise<boolean> {
  const key = await scrypt(password, salt);
  return key.length === hash.length && crypto.timingSafeEqual(key, hash);
}
