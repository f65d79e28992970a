/**
 * The optional bearer token (`--token-file`): every endpoint but health requires
 * `Authorization: Bearer <token>`, compared in constant time (sha256 digests of equal
 * length through `crypto.timingSafeEqual`, so neither the token's length nor its content
 * leaks through timing).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Checks an `Authorization` header against the token. */
export type TokenCheck = (authorization: string | undefined) => boolean;

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** A check against `token`: true only for `Bearer <token>` exactly. */
export function tokenCheck(token: string): TokenCheck {
  const expected = digest(token);
  return (authorization) => {
    const given = authorization?.startsWith('Bearer ') === true ? authorization.slice('Bearer '.length) : '';
    // always compare, also for a missing header: the time taken does not say which it was
    const equal = timingSafeEqual(digest(given), expected);
    return equal && given.length > 0;
  };
}

/**
 * The token in `file`: its text without the final line break.
 * @throws Error (English, for the CLI to report) when the file is missing or holds no token.
 */
export function readTokenFile(file: string): string {
  const token = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  if (token.trim() === '') throw new Error(`the token file ${file} is empty`);
  return token;
}
