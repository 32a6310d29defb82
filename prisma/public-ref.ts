import { createHash } from "node:crypto";

// Crockford base32 without I, L, O, U: nothing to misread when a coordinator types a reference from a call.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A short, non-guessable-looking reference derived from an id, e.g. "LRN-4K7Q-2M9X". */
export function publicRefFor(prefix: string, id: string): string {
  const digest = createHash("sha256").update(id).digest();
  let code = "";
  for (let i = 0; i < 8; i += 1) code += ALPHABET[(digest[i] ?? 0) % 32];
  return `${prefix}-${code.slice(0, 4)}-${code.slice(4)}`;
}
