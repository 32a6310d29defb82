import pg from "pg";
import type { Logger } from "./logger.js";
import { errorMessage } from "./logger.js";

/**
 * Limits every connection pool of a process applies, from the env modules (DATABASE_*_TIMEOUT_MS). A statement
 * that runs away, a lock nobody releases or a server that does not answer fails one request with an error the
 * caller handles, instead of holding a connection (and the chat's 3-second window) forever.
 */
export interface DatabasePoolSettings {
  /** Longest a single SQL statement may run (PostgreSQL statement_timeout). */
  statementTimeoutMs: number;
  /** Longest a statement waits for a row or table lock (PostgreSQL lock_timeout). */
  lockTimeoutMs: number;
  /** Longest a request waits to get a connection from the pool, or for a new one to be opened. */
  connectTimeoutMs: number;
  /** A transaction left open and idle this long is ended by the server (idle_in_transaction_session_timeout). */
  idleInTransactionTimeoutMs: number;
}

export const DEFAULT_POOL_SETTINGS: DatabasePoolSettings = {
  statementTimeoutMs: 30_000,
  lockTimeoutMs: 10_000,
  connectTimeoutMs: 5_000,
  idleInTransactionTimeoutMs: 60_000,
};

/** The settings from a parsed environment (see databaseFields in env-fields.ts). */
export function poolSettingsFromEnv(env: {
  DATABASE_STATEMENT_TIMEOUT_MS: number;
  DATABASE_LOCK_TIMEOUT_MS: number;
  DATABASE_CONNECT_TIMEOUT_MS: number;
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: number;
}): DatabasePoolSettings {
  return {
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    lockTimeoutMs: env.DATABASE_LOCK_TIMEOUT_MS,
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    idleInTransactionTimeoutMs: env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  };
}

/** node-postgres pool options for the settings; shared by raw pools and the Prisma adapter's pool. */
export function poolConfig(
  connectionString: string,
  max: number,
  settings: DatabasePoolSettings = DEFAULT_POOL_SETTINGS,
): pg.PoolConfig {
  return {
    connectionString,
    max,
    statement_timeout: settings.statementTimeoutMs,
    lock_timeout: settings.lockTimeoutMs,
    idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    // A connection the server closed (restart, pg_terminate_backend, a proxy's idle cut) is noticed by TCP
    // keepalive rather than on the next query that hangs.
    keepAlive: true,
  };
}

/**
 * Logs an error a pool or one of its idle connections reports. node-postgres emits `error` on the pool when
 * the server ends an idle connection (restart, failover, pg_terminate_backend); an EventEmitter `error` with no
 * listener throws and ends the process. The pool has already discarded the broken connection and opens a new
 * one on the next request, so reconnecting needs nothing more than not crashing.
 */
export function logPoolError(logger: Logger | undefined, pool: string) {
  return (error: Error): void => {
    const code = (error as { code?: unknown }).code;
    logger?.warn("database connection lost; the pool reconnects on the next request", {
      pool,
      error: errorMessage(error),
      ...(typeof code === "string" ? { code } : {}),
    });
  };
}

/** A raw pg pool (COPY-based imports) with the process's timeouts and an error handler. */
export function createDatabasePool(options: {
  connectionString: string;
  max: number;
  settings?: DatabasePoolSettings | undefined;
  logger?: Logger | undefined;
  name: string;
}): pg.Pool {
  const pool = new pg.Pool(poolConfig(options.connectionString, options.max, options.settings));
  pool.on("error", logPoolError(options.logger, options.name));
  return pool;
}
