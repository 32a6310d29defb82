import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { learnerSecrets } from "../slack/fake-slack-api.js";

// A local stand-in for the Bot Connector service (the `serviceUrl` Teams gives the bot): it records every
// activity the bot sends or updates, with its Authorization header, answers with ids, and can be told to fail
// like the real service does (429 with Retry-After, 5xx). Every payload is checked for learners' personal data.

export interface ConnectorCall {
  method: "POST" | "PUT";
  conversationId: string;
  /** The activity replied to (POST …/activities/:id) or updated (PUT …/activities/:id). */
  activityId: string | null;
  authorization: string | undefined;
  body: Record<string, unknown>;
  /** The id the connector gave the activity. */
  id: string;
  at: number;
}

export type ConnectorFault = { status: number; retryAfterSeconds?: number } | null;

export interface FakeBotConnector {
  serviceUrl: string;
  calls: ConnectorCall[];
  /** Every payload that contained a seeded learner's full name or personal code. Must stay empty. */
  leaks: string[];
  /** A rule deciding, per call, whether the connector fails it; null: every call succeeds. */
  setFault(rule: ((call: Omit<ConnectorCall, "id" | "at">) => ConnectorFault) | null): void;
  /** Members the connector knows (GET /v3/conversations/:id/members/:userId), by Teams user id. */
  members: Map<string, Record<string, unknown>>;
  waitFor(predicate: (call: ConnectorCall) => boolean, timeoutMs?: number): Promise<ConnectorCall>;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const calls: ConnectorCall[] = [];
  const leaks: string[] = [];
  const secrets = learnerSecrets();
  const waiters = new Set<() => void>();
  let fault: ((call: Omit<ConnectorCall, "id" | "at">) => ConnectorFault) | null = null;
  let counter = 0;

  const members = new Map<string, Record<string, unknown>>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const member = /^\/v3\/conversations\/[^/]+\/members\/([^/]+)$/.exec(req.url ?? "");
      if (req.method === "GET" && member) {
        const found = members.get(decodeURIComponent(member[1]!));
        res.writeHead(found ? 200 : 404, { "content-type": "application/json" });
        res.end(JSON.stringify(found ?? { error: { code: "MemberNotFoundInConversation" } }));
        return;
      }
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec((req.url ?? "").split("?")[0]!);
      if (!match || (req.method !== "POST" && req.method !== "PUT")) {
        res.writeHead(404).end();
        return;
      }
      const body = await readJson(req);
      const text = JSON.stringify(body);
      for (const secret of secrets)
        if (text.includes(secret)) leaks.push(`${req.method} ${req.url}: contains "${secret}"`);
      const call = {
        method: req.method,
        conversationId: decodeURIComponent(match[1]!),
        activityId: match[2] ? decodeURIComponent(match[2]) : null,
        authorization: req.headers.authorization,
        body,
      } as const;
      const failure = fault?.(call) ?? null;
      if (failure) {
        res.writeHead(failure.status, {
          "content-type": "application/json",
          ...(failure.retryAfterSeconds !== undefined ? { "retry-after": String(failure.retryAfterSeconds) } : {}),
        });
        res.end(JSON.stringify({ error: { code: "ServiceError", message: `fault ${failure.status}` } }));
        return;
      }
      const id = call.method === "PUT" ? call.activityId! : `activity-${++counter}`;
      calls.push({ ...call, id, at: Date.now() });
      for (const wake of waiters) wake();
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  return {
    serviceUrl,
    calls,
    leaks,
    members,
    setFault(rule) {
      fault = rule;
    },
    waitFor(predicate, timeoutMs = 15_000) {
      const found = calls.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = calls.find(predicate);
          if (!hit) return;
          cleanup();
          resolve(hit);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching Bot Connector call within ${timeoutMs} ms (${calls.length} calls)`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Everything a person reads in an activity: its text and cards, as one string. */
export const activityText = (call: ConnectorCall): string => JSON.stringify(call.body);
