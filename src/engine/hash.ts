/** A 64-bit FNV-1a hash (two 32-bit halves) of a string, as 16 hex digits: content ids and state fingerprints. */
export function hashText(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x0100019d) ^ (h1 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** Fingerprint of any plain-JSON value (a game state, for golden replays). */
export const hashValue = (value: unknown): string => hashText(JSON.stringify(value));
