/**
 * The staging table an import COPYs into before one set-based insert into AbsenceRecord.
 *
 * A temporary table: private to the import's connection, never WAL-logged, and dropped with the transaction,
 * so a failed import leaves nothing behind. Rows arrive already split and field-checked (absence-row.ts);
 * `error` and `error_code` are set for rows rejected before the database saw them.
 */
import { once } from "node:events";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

export const STAGING_TABLE = "absence_staging";

/** Column order of the COPY lines written by absence-row.ts. */
export const CREATE_STAGING_TABLE = `
CREATE TEMP TABLE ${STAGING_TABLE} (
  position      integer NOT NULL,
  learner_code  text,
  date          date,
  lesson        integer,
  subject       text,
  reason        text,
  justification "Justification",
  error         text,
  error_code    text
) ON COMMIT DROP`;

/** Bytes gathered before a write to the COPY stream: large enough that per-write overhead vanishes. */
const WRITE_CHUNK = 256 * 1024;

/**
 * Streams COPY lines into the staging table, honouring back-pressure so a large file never sits in memory.
 * Returns the number of lines PostgreSQL accepted.
 */
export async function copyIntoStaging(client: pg.PoolClient, lines: AsyncIterable<string[]>): Promise<number> {
  const stream = client.query(copyFrom(`COPY ${STAGING_TABLE} FROM STDIN`));
  const failed = new Promise<never>((_, reject) => stream.once("error", reject));
  // Keep the rejection handled even when no await is pending on it at the moment the error arrives.
  failed.catch(() => {});
  let buffered: string[] = [];
  let size = 0;
  const flush = async () => {
    if (buffered.length === 0) return;
    const ok = stream.write(buffered.join(""));
    buffered = [];
    size = 0;
    if (!ok) await Promise.race([once(stream, "drain"), failed]);
  };
  try {
    for await (const batch of lines) {
      for (const line of batch) {
        buffered.push(line);
        size += line.length;
      }
      if (size >= WRITE_CHUNK) await flush();
    }
    await flush();
  } catch (error) {
    // Sends CopyFail so the server leaves COPY mode and the transaction can be rolled back.
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
  stream.end();
  await Promise.race([once(stream, "finish"), failed]);
  return stream.rowCount;
}
