import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { PersonalDataKey } from "./personal-data-key.js";

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM. The owning row's id is bound in as associated data, so a ciphertext copied onto another
 * learner's row fails to decrypt instead of showing the wrong person's data.
 */
export function sealJson(key: PersonalDataKey, ownerId: string, value: unknown): Uint8Array<ArrayBuffer> {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key.bytes, iv);
  cipher.setAAD(Buffer.from(ownerId));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), body]));
}

export function openJson(key: PersonalDataKey, ownerId: string, sealed: Uint8Array): unknown {
  const buffer = Buffer.from(sealed);
  const decipher = createDecipheriv("aes-256-gcm", key.bytes, buffer.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(ownerId));
  decipher.setAuthTag(buffer.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return JSON.parse(
    Buffer.concat([decipher.update(buffer.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8"),
  );
}
