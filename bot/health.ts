import type { Logger } from "../prisma/runtime/logger.js";
import { errorMessage } from "../prisma/runtime/logger.js";

export interface HealthReport {
  status: "ok" | "unavailable";
  /** Each dependency the process needs, up or down, at the time of the check. */
  checks: Record<string, "up" | "down">;
}

/**
 * Health of a process from probes of its dependencies (the database, at least). A probe that throws or takes
 * longer than `timeoutMs` counts as down, so /healthz answers promptly during an outage instead of hanging with
 * the pool. A change of state is logged once (outage, then recovery), so an operator sees when and for how long.
 */
export function createHealthCheck(options: {
  probes: Record<string, () => Promise<unknown>>;
  logger: Logger;
  timeoutMs?: number;
}): () => Promise<HealthReport> {
  const timeoutMs = options.timeoutMs ?? 3_000;
  const last = new Map<string, "up" | "down">();
  const probe = async (name: string, run: () => Promise<unknown>): Promise<"up" | "down"> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([run(), timeout]);
      if (last.get(name) === "down") options.logger.info("dependency recovered", { dependency: name });
      last.set(name, "up");
      return "up";
    } catch (error) {
      if (last.get(name) !== "down")
        options.logger.error("dependency unavailable", { dependency: name, error: errorMessage(error) });
      last.set(name, "down");
      return "down";
    } finally {
      clearTimeout(timer);
    }
  };
  return async () => {
    const entries = await Promise.all(
      Object.entries(options.probes).map(async ([name, run]) => [name, await probe(name, run)] as const),
    );
    const checks = Object.fromEntries(entries);
    return { status: entries.every(([, state]) => state === "up") ? "ok" : "unavailable", checks };
  };
}
