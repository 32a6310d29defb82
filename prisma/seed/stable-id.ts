import { createHash } from "node:crypto";

/**
 * A UUID derived from a name, so that seeding twice addresses the same rows and changes nothing
 * (same idea as UUIDv5, without needing a namespace registry).
 */
export function stableId(name: string): string {
  const hex = createHash("sha256").update(`pmp-bot:${name}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/** Deterministic pseudo-random numbers for generated demo data (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
