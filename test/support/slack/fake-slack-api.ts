import type { Server } from "node:http";
import express from "express";
import { demoLearners } from "../../../prisma/seed/demo-learners.js";

export interface CapturedCall {
  /** Web API method (e.g. "chat.postMessage") or "response_url" for replies to a command or action. */
  method: string;
  body: Record<string, unknown>;
  at: number;
}

type Fault = { status: number; error?: string; retryAfter?: number };

/** A message the fake accepted, as conversations.history returns it. */
type Posted = { ts: string; text: string; metadata?: { event_type: string; event_payload: Record<string, unknown> } };

/**
 * A local stand-in for the Slack Web API (and for response_url), where the outside world begins. It records
 * every call, answers like Slack does, can be told to fail the next calls (429, 5xx, platform errors), and
 * checks every payload for seeded learners' names and personal codes.
 */
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: CapturedCall[] = [];
  const faults = new Map<string, Array<{ fault: Fault; when: (body: Record<string, unknown>) => boolean }>>();
  const leaks: string[] = [];
  const secrets = learnerSecrets();
  const channels = new Map<string, Posted[]>();
  let outage: ((method: string, body: Record<string, unknown>) => Fault | null) | null = null;
  const holds = new Map<string, number>();
  // Workspace members users.lookupByEmail finds, by lower-case e-mail.
  const usersByEmail = new Map<string, string>();
  // Slack timestamps are seconds since the epoch; conversations.history filters on them.
  let ts = Math.floor(Date.now() / 1000);
  // This server's own address, known once it listens (the upload URLs point back at it).
  let base = "";
  // Files uploaded through filesUploadV2, by file id: what getUploadURLExternal promised and what arrived.
  const uploads = new Map<string, { filename: string; length: number; body?: Buffer; completedIn?: string }>();
  const app = express();
  // The upload URL files.getUploadURLExternal hands out receives the file's bytes (any content type).
  app.post("/upload/:fileId", express.raw({ type: () => true, limit: "50mb" }), (req, res) => {
    const upload = uploads.get(req.params.fileId);
    if (!upload) return void res.status(404).send("unknown upload");
    upload.body = req.body as Buffer;
    calls.push({ method: "upload", body: { fileId: req.params.fileId, bytes: upload.body.length }, at: Date.now() });
    res.status(200).send(`OK - ${upload.body.length}`);
  });
  app.use(express.urlencoded({ extended: false, limit: "5mb" }));
  app.use(express.json({ limit: "5mb" }));

  const record = (method: string, body: Record<string, unknown>) => {
    const parsed = Object.fromEntries(
      Object.entries(body).map(([k, v]) => [k, typeof v === "string" && /^[[{]/.test(v) ? safeJson(v) : v]),
    );
    calls.push({ method, body: parsed, at: Date.now() });
    const text = JSON.stringify(parsed);
    for (const secret of secrets) if (text.includes(secret)) leaks.push(`${method}: contains "${secret}"`);
  };

  app.post("/api/:method", (req, res) => {
    const method = req.params.method;
    record(method, req.body as Record<string, unknown>);
    const pending = faults.get(method) ?? [];
    const index = pending.findIndex((f) => f.when(req.body as Record<string, unknown>));
    const fault =
      (index >= 0 ? pending.splice(index, 1)[0]!.fault : undefined) ??
      outage?.(method, req.body as Record<string, unknown>) ??
      undefined;
    if (fault) {
      if (fault.retryAfter !== undefined) res.set("Retry-After", String(fault.retryAfter));
      if (fault.status === 200) return void res.json({ ok: false, error: fault.error ?? "internal_error" });
      return void res.status(fault.status).send(fault.error ?? "error");
    }
    const body = req.body as Record<string, string>;
    switch (method) {
      case "chat.postMessage": {
        ts += 1;
        const channel = body.channel?.startsWith("U") ? `D${body.channel.slice(1)}` : body.channel!;
        const metadata =
          typeof body.metadata === "string" ? (safeJson(body.metadata) as Posted["metadata"]) : undefined;
        const posted: Posted = { ts: `${ts}.000100`, text: body.text ?? "", ...(metadata ? { metadata } : {}) };
        channels.set(channel, [...(channels.get(channel) ?? []), posted]);
        const answer = () => res.json({ ok: true, channel, ts: posted.ts });
        const hold = holds.get(method);
        // A held answer: Slack has the message, the caller does not know yet (a worker killed mid-send).
        if (hold) return void setTimeout(answer, hold);
        return void answer();
      }
      case "conversations.open": {
        const user = body.users ?? "";
        return void res.json({ ok: true, channel: { id: user.startsWith("U") ? `D${user.slice(1)}` : user } });
      }
      case "conversations.history": {
        const oldest = Number(body.oldest ?? 0);
        const withMetadata = String(body.include_all_metadata) === "true";
        const messages = (channels.get(body.channel ?? "") ?? [])
          .filter((m) => Number(m.ts) > oldest)
          .reverse()
          .map((m) => (withMetadata ? m : { ts: m.ts, text: m.text }));
        return void res.json({ ok: true, messages, has_more: false });
      }
      case "views.open":
      case "views.update":
      case "views.push":
        return void res.json({ ok: true, view: { id: body.view_id ?? `V${++ts}` } });
      case "users.lookupByEmail": {
        const user = usersByEmail.get(String(body.email ?? "").toLowerCase());
        return void res.json(
          user
            ? { ok: true, user: { id: user, team_id: "T0DEMO0001", deleted: false, is_bot: false } }
            : { ok: false, error: "users_not_found" },
        );
      }
      case "files.getUploadURLExternal": {
        ts += 1;
        const fileId = `F${ts}`;
        uploads.set(fileId, { filename: String(body.filename ?? ""), length: Number(body.length ?? 0) });
        return void res.json({ ok: true, file_id: fileId, upload_url: `${base}/upload/${fileId}` });
      }
      case "files.completeUploadExternal": {
        const files = (typeof body.files === "string" ? safeJson(body.files) : body.files) as Array<{
          id: string;
          title?: string;
        }>;
        const missing = files.filter((f) => !uploads.get(f.id)?.body);
        if (missing.length) return void res.json({ ok: false, error: "file_upload_not_complete" });
        for (const f of files) uploads.get(f.id)!.completedIn = body.channel_id ?? "";
        return void res.json({ ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? "" })) });
      }
      case "auth.test":
        return void res.json({ ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T0DEMO0001" });
      default:
        return void res.json({ ok: true });
    }
  });
  app.post("/response/:id", (req, res) => {
    record("response_url", { ...(req.body as Record<string, unknown>), responseId: req.params.id });
    res.json({ ok: true });
  });

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id: string) => `${base}/response/${id}`,
    calls,
    leaks,
    failNext(method, fault, when = () => true) {
      faults.set(method, [...(faults.get(method) ?? []), { fault, when }]);
    },
    callsTo: (method) => calls.filter((c) => c.method === method),
    setUsers(users) {
      usersByEmail.clear();
      for (const [email, id] of Object.entries(users)) usersByEmail.set(email.toLowerCase(), id);
    },
    watchSecrets(more) {
      secrets.push(...more);
    },
    uploadedFiles: () =>
      [...uploads].flatMap(([id, u]) =>
        u.body && u.completedIn !== undefined
          ? [{ id, filename: u.filename, channel: u.completedIn, body: u.body }]
          : [],
      ),
    accepted: () => new Map([...channels].map(([channel, posted]) => [channel, [...posted]])),
    setOutage(rule) {
      outage = rule;
    },
    holdAnswers(method, ms) {
      if (ms === null) holds.delete(method);
      else holds.set(method, ms);
    },
    async waitFor(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = calls.find(predicate);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(
            `no matching Slack call within ${timeoutMs} ms; saw: ${calls.map((c) => c.method).join(", ")}`,
          );
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface FakeSlackApi {
  apiUrl: string;
  responseUrl(id: string): string;
  calls: CapturedCall[];
  /** Every payload that contained a seeded learner's full name or personal code. Must stay empty. */
  leaks: string[];
  /** The next call of `method` whose form body matches `when` fails as described. */
  failNext(method: string, fault: Fault, when?: (body: Record<string, unknown>) => boolean): void;
  callsTo(method: string): CapturedCall[];
  /** The workspace's members by e-mail, as users.lookupByEmail answers (replaces the earlier list). */
  setUsers(users: Record<string, string>): void;
  /** More personal data (e.g. of learners a test imported) that no payload may contain. */
  watchSecrets(secrets: string[]): void;
  /** Files uploaded (filesUploadV2) and completed, with the conversation they were shared to and their raw upload body. */
  uploadedFiles(): Array<{ id: string; filename: string; channel: string; body: Buffer }>;
  /** Messages Slack accepted (whether or not the caller heard back), per channel, in order. */
  accepted(): Map<
    string,
    Array<{ ts: string; text: string; metadata?: { event_type: string; event_payload: Record<string, unknown> } }>
  >;
  /** While set, every call for which `rule` returns a fault fails so (an outage); null ends it. */
  setOutage(rule: ((method: string, body: Record<string, unknown>) => Fault | null) | null): void;
  /** Accept calls of `method` but answer only after `ms` (null: answer at once again). */
  holdAnswers(method: string, ms: number | null): void;
  waitFor(predicate: (call: CapturedCall) => boolean, timeoutMs?: number): Promise<CapturedCall>;
  close(): Promise<void>;
}

/**
 * Full names and personal codes of every seeded demo learner. (Parents' and guardians' contacts may appear, but
 * only in the ephemeral, audited view the responsible person asks for; the escalation tests check that path.)
 */
export function learnerSecrets(): string[] {
  const secrets = new Set<string>();
  for (const learner of demoLearners()) {
    secrets.add(`${learner.identity.firstName} ${learner.identity.lastName}`);
    secrets.add(learner.identity.personalCode);
  }
  return [...secrets];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A call's body as text, without the delivery queue's metadata tag (its outbox key names steps and cases, which
 * would otherwise match searches for what a person reads).
 */
export function callText(call: CapturedCall): string {
  const { metadata: _metadata, ...visible } = call.body;
  return JSON.stringify(visible);
}
