/**
 * A fixed-window request counter per key (a Slack workspace, a Slack user, an e-journal API token): at most
 * `limit` requests per `windowMs`; the next one is refused with the seconds until the window turns over, for
 * the `Retry-After` header of a 429. In memory per bot replica: it stops a runaway client or a flood from one
 * account from starving everyone else, it is not a quota. The clock is an argument so tests need no waiting.
 */
export interface RateLimiter {
  take(key: string): { allowed: true } | { allowed: false; retryAfterSeconds: number };
}

export interface RateLimit {
  limit: number;
  windowMs: number;
}

export function createRateLimiter(options: RateLimit & { now?: () => number }): RateLimiter {
  const now = options.now ?? Date.now;
  let windowStart = now();
  let counts = new Map<string, number>();
  return {
    take(key) {
      const at = now();
      if (at - windowStart >= options.windowMs) {
        // A new window: forget every count at once, so the map never grows beyond one window's keys.
        windowStart = at - ((at - windowStart) % options.windowMs);
        counts = new Map();
      }
      const used = counts.get(key) ?? 0;
      if (used >= options.limit) {
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil((windowStart + options.windowMs - at) / 1000)),
        };
      }
      counts.set(key, used + 1);
      return { allowed: true };
    },
  };
}
