/** Join codes people can read off a projector, and opaque tokens that the server keeps only as hashes. */
import { createHash, randomBytes, randomInt } from 'node:crypto';

/** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: nothing that looks like another character on a projector. */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 6;

export function newCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** Upper-cases and drops spaces and dashes, so "acd-efg" finds ACDEFG. */
export const normaliseCode = (raw: string): string => raw.toUpperCase().replace(/[\s-]/g, '');

export const isCode = (s: string): boolean =>
  s.length === CODE_LENGTH && [...s].every((c) => CODE_ALPHABET.includes(c));

export const newToken = (): string => randomBytes(32).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
