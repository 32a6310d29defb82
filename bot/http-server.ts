import type { Server } from "node:http";
import express, { type Express } from "express";
import type { HealthReport } from "./health.js";

export interface HttpServer {
  app: Express;
  /** Starts listening; resolves with the bound URL (port 0 picks a free one). */
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The bot's single HTTP listener. Slack (/slack/events), Teams and the ingest API mount their routers on it;
 * /healthz answers 200 while every dependency answers and 503 naming the one that does not, for container
 * health checks and the operator (see bot/health.ts).
 */
export function createHttpServer(
  options: { health: () => Promise<HealthReport> } | { isReady: () => Promise<boolean> },
): HttpServer {
  const health =
    "health" in options
      ? options.health
      : async (): Promise<HealthReport> => ({ status: (await options.isReady()) ? "ok" : "unavailable", checks: {} });
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => {
    health().then(
      (report) => res.status(report.status === "ok" ? 200 : 503).json(report),
      () => res.status(503).json({ status: "unavailable", checks: {} }),
    );
  });
  let server: Server | undefined;
  return {
    app,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        const listening = app.listen(port, host, (error?: Error) => {
          if (error) return reject(error);
          const address = listening.address();
          resolve(typeof address === "object" && address ? `http://${host}:${address.port}` : `http://${host}:${port}`);
        });
        server = listening;
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        if (!server) return resolve();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
}
