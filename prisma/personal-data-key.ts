import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

export interface PersonalDataKey {
  /** Short fingerprint stored next to each ciphertext, so a key rotation can tell old rows from new. */
  id: string;
  bytes: Buffer;
}

export function keyFromBase64(base64: string): PersonalDataKey {
  const bytes = Buffer.from(base64, "base64");
  if (bytes.length !== 32) throw new Error("PERSONAL_DATA_KEY must be 32 bytes encoded as base64");
  return { id: createHash("sha256").update(bytes).digest("hex").slice(0, 12), bytes };
}

/**
 * The key that encrypts learners' personal data at rest. Production passes PERSONAL_DATA_KEY; local mode
 * generates one on first start and keeps it with the local data (mode 0600), so restarts can still decrypt.
 */
export async function resolvePersonalDataKey(options: {
  configured?: string | undefined;
  dataDir: string;
}): Promise<PersonalDataKey> {
  if (options.configured) return keyFromBase64(options.configured);
  const file = join(options.dataDir, "personal-data.key");
  const existing = await readFile(file, "utf8").catch(() => undefined);
  if (existing) return keyFromBase64(existing.trim());
  const generated = randomBytes(32).toString("base64");
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${generated}\n`, { mode: 0o600, flag: "wx" }).catch(async (error: NodeJS.ErrnoException) => {
    // Another process generated it first: use theirs.
    if (error.code !== "EEXIST") throw error;
  });
  return keyFromBase64((await readFile(file, "utf8")).trim());
}
