import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const BENCHMARKS_MD = fileURLToPath(new URL("../../docs/benchmarks.md", import.meta.url));

/**
 * Replaces (or appends) one benchmark's section in docs/benchmarks.md, so each benchmark owns its block
 * and re-running one does not disturb the others' recorded figures.
 */
export async function writeBenchSection(name: string, markdown: string): Promise<void> {
  const begin = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const current = await readFile(BENCHMARKS_MD, "utf8").catch(() => "# Benchmarks\n");
  const block = `${begin}\n${markdown.trim()}\n${end}`;
  const start = current.indexOf(begin);
  const stop = current.indexOf(end);
  const next =
    start >= 0 && stop > start
      ? current.slice(0, start) + block + current.slice(stop + end.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  await writeFile(BENCHMARKS_MD, next);
}

/** Median and high percentiles of a list of durations in milliseconds. */
export function percentiles(samples: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? Number.NaN };
}
