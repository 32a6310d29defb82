import type { Server } from "node:http";
import express, { type Express } from "express";

export interface HttpServer {
  app: Express;
  /** Starts listening; resolves with the bound URL (port 0 picks a free one). */
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The bot's single HTTP listener. Slack (/slack/events), Teams and the ingest API mount their routers on it;
 * /healthz answers once the process is ready, for container health checks.
 */
export function createHttpServer(options: { isReady: () => Promise<boolean> }): HttpServer {
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => {
    options.isReady().then(
      (ready) => res.status(ready ? 200 : 503).json({ status: ready ? "ok" : "starting" }),
      () => res.status(503).json({ status: "unavailable" }),
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
