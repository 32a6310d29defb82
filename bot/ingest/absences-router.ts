/**
 * POST /api/absences: a school's e-journal pushes absence records, authenticated by a bearer token bound to
 * that school (prisma/absences/api-tokens.ts). Same pipeline and semantics as the CSV import: idempotent on
 * (learner, date, lesson), per-record errors by index, nothing silently dropped.
 *
 *   200 { batchId, imported, corrected, withdrawn, duplicates, rejected, errors: [{ index, code, reason }] }
 *   400 malformed JSON, not { records: [...] }, or bytes the charset cannot read    401 missing, unknown or revoked token
 *   413 more than `maxRecords` records or body over the size limit                   415 a charset other than the two
 *   429 the token's rate limit is used up (Retry-After in seconds)
 *
 * The body is JSON in UTF-8 (RFC 8259), or in Windows-1257 when the Content-Type says `charset=windows-1257` (an
 * e-journal on a Latvian Windows machine). Decoding is strict: one byte the charset cannot read refuses the whole
 * request, so a half-understood batch is never stored.
 *
 * The token is checked before the body is parsed, so unauthenticated clients cannot make the server parse
 * megabytes of JSON.
 */
import express, { Router, type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import type { ApiTokenRepository, VerifiedApiToken } from "../../prisma/absences/api-tokens.js";
import { ABSENCE_COLUMNS } from "../../prisma/absences/absence-row.js";
import type { AbsenceImporter, AbsenceImportResult, AbsenceRecordInput } from "../../prisma/absences/importer.js";
import { TEXT_ENCODINGS, encodingNamed } from "../../prisma/absences/text-encoding.js";
import { errorMessage, type Logger } from "../../prisma/runtime/logger.js";
import { declaredLength } from "../edge/content-type.js";
import type { RateLimiter } from "../edge/rate-limiter.js";

export const DEFAULT_MAX_RECORDS = 5000;
// ~5,000 records of realistic size fit in well under 2 MB; the limit only stops abuse.
const BODY_LIMIT = "4mb";
const BODY_LIMIT_BYTES = 4 * 1024 * 1024;

export interface AbsencesRouterDeps {
  tokens: Pick<ApiTokenRepository, "verify">;
  importer: Pick<AbsenceImporter, "importRecords">;
  logger: Logger;
  maxRecords?: number;
  /** Requests per token and window; over it, 429 with Retry-After. Absent: unlimited. */
  rateLimit?: RateLimiter;
  /**
   * Called after each committed import with its threshold crossings, to signal escalation workflows. It must
   * not lose them (e.g. write an outbox row): a retried request finds only duplicates and crosses nothing.
   */
  onImported?: (result: AbsenceImportResult, token: VerifiedApiToken) => Promise<void>;
}

// Lessons may come as numbers or strings, free-text fields may be null; the row checks after the edge
// (absence-row.ts) give the same messages as for CSV. Unknown keys are errors, so a misspelt field is reported.
// `justified: "withdrawn"` removes a record entered by mistake (kept for audit, never counted), as in the CSV.
const recordSchema = z.strictObject({
  learner_code: z.string(),
  date: z.string(),
  lesson: z.union([z.number(), z.string()]).transform(String),
  subject: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  reason: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  justified: z.string(),
});

const envelopeSchema = z.strictObject({ records: z.array(z.unknown()) });

/** One line per problem, naming the field; zod's own messages already say what was expected. */
function recordError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      if (issue.code === "unrecognized_keys")
        return `unknown field ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`;
      const field = issue.path.join(".");
      return field
        ? `${field}: ${issue.message}`
        : `${issue.message} (expected an object with ${ABSENCE_COLUMNS.join(", ")})`;
    })
    .join("; ");
}

type AuthedResponse = Response<unknown, { token: VerifiedApiToken }>;

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)"?/i;

/** The JSON body decoded strictly in its declared charset; a string is the error to answer with its status. */
function decodeBody(body: unknown, contentType: string): { json: unknown } | { status: 400 | 415; error: string } {
  if (!Buffer.isBuffer(body)) return { status: 400, error: 'body must be a JSON object { "records": [ … ] }' };
  const declared = CHARSET.exec(contentType)?.[1];
  const encoding = declared === undefined ? "utf-8" : encodingNamed(declared);
  if (encoding === null)
    return {
      status: 415,
      error: `charset ${JSON.stringify(declared)} is not supported: use ${TEXT_ENCODINGS.join(" or ")}`,
    };
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    return {
      status: 400,
      error: `body is not valid ${encoding}; nothing was imported: send UTF-8, or declare charset=windows-1257 in Content-Type`,
    };
  }
  try {
    return { json: JSON.parse(text) };
  } catch {
    return { status: 400, error: "malformed JSON" };
  }
}

export function createAbsencesRouter(deps: AbsencesRouterDeps): Router {
  const maxRecords = deps.maxRecords ?? DEFAULT_MAX_RECORDS;
  const log = deps.logger.child("absences-api");
  const router = Router();

  const authenticate = (req: Request, res: AuthedResponse, next: NextFunction) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get("authorization") ?? "");
    const unauthorized = (error: string) => {
      res.set("WWW-Authenticate", 'Bearer realm="pmp-absences"').status(401).json({ error });
    };
    if (!match?.[1]) return unauthorized("missing bearer token");
    deps.tokens.verify(match[1]).then(
      (token) => {
        if (!token) return unauthorized("unknown or revoked token");
        res.locals.token = token;
        next();
      },
      (error: unknown) => next(error),
    );
  };

  // A declared length over the limit is refused before the token is even looked up: nothing is read.
  const boundLength = (req: Request, res: Response, next: NextFunction) => {
    const length = declaredLength(req.get("content-length"));
    if (length !== null && length > BODY_LIMIT_BYTES) {
      res
        .set("Connection", "close")
        .status(413)
        .json({ error: `request body over ${BODY_LIMIT}` });
      return;
    }
    next();
  };

  const limitRate = (_req: Request, res: AuthedResponse, next: NextFunction) => {
    const taken = deps.rateLimit?.take(res.locals.token.id) ?? { allowed: true };
    if (taken.allowed) return next();
    log.warn("absence import rate limited", { tokenId: res.locals.token.id });
    res
      .set("Retry-After", String(taken.retryAfterSeconds))
      .status(429)
      .json({ error: `too many requests for this token; retry after ${taken.retryAfterSeconds} s` });
  };

  router.post(
    "/api/absences",
    boundLength,
    authenticate,
    limitRate,
    express.raw({ limit: BODY_LIMIT, type: ["application/json", "application/*+json"] }),
    (req: Request, res: AuthedResponse, next) => {
      const decoded = decodeBody(req.body, req.get("content-type") ?? "");
      if ("error" in decoded) {
        res.status(decoded.status).json({ error: decoded.error });
        return;
      }
      const envelope = envelopeSchema.safeParse(decoded.json);
      if (!envelope.success) {
        res.status(400).json({ error: 'body must be a JSON object { "records": [ … ] }' });
        return;
      }
      const { records } = envelope.data;
      if (records.length > maxRecords) {
        res.status(413).json({ error: `at most ${maxRecords} records per request, got ${records.length}` });
        return;
      }
      const inputs: AbsenceRecordInput[] = records.map((record) => {
        const parsed = recordSchema.safeParse(record);
        return parsed.success
          ? parsed.data
          : {
              error: recordError(parsed.error),
              code: typeof record === "object" && record !== null ? "INVALID_FIELD" : "MALFORMED_RECORD",
            };
      });
      const token = res.locals.token;
      deps.importer
        .importRecords(inputs, {
          scope: { schoolId: token.schoolId },
          label: `API token ${token.label}`,
          source: "API",
        })
        .then((result) => {
          // The batch is committed: answer now and dispatch to the workflows after. A dispatch that fails leaves
          // the batch undispatched in the database, where the sweep (absence-sweep.ts) picks it up; the e-journal
          // never waits for Temporal, so concurrent imports do not queue behind each other's signals.
          if (deps.onImported) {
            deps.onImported(result, token).catch((error: unknown) => {
              log.error("absence crossings not delivered yet; the sweep retries", {
                batchId: result.batchId,
                error: errorMessage(error),
              });
            });
          }
          res.status(200).json({
            batchId: result.batchId,
            imported: result.imported,
            corrected: result.corrected,
            withdrawn: result.withdrawn,
            duplicates: result.duplicates,
            rejected: result.rejected,
            errors: result.rejections.map((r) => ({ index: r.position, code: r.code, reason: r.reason })),
          });
        })
        .catch(next);
    },
  );

  // Body-parser failures carry their HTTP status (400 malformed JSON, 413 too large); anything else is ours.
  router.use("/api/absences", (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = typeof error === "object" && error !== null && "status" in error ? Number(error.status) : 500;
    if (status === 400) return void res.status(400).json({ error: "malformed JSON" });
    if (status === 413) return void res.status(413).json({ error: `request body over ${BODY_LIMIT}` });
    log.error("absence import failed", { error: errorMessage(error) });
    res.status(500).json({ error: "import failed; nothing was stored, retry later" });
  });

  return router;
}
