// Entry point of bin/temporal-test-server.
//   temporal-test-server <port>                        time-skipping test server (what @temporalio/testing's
//                                                      createTimeSkipping spawns with an existing-path executable)
//   temporal-test-server start-dev --port <p> [--ip h] local engine in real time (createLocal's arguments)
//   temporal-test-server --local <port>                the same, shorter
import { startTemporalTestServer } from "./server.js";

function parse(argv: string[]): { port: number; host: string; timeSkipping: boolean } {
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (argv[0] === "start-dev" || argv[0] === "--local") {
    const port = Number(flag("--port") ?? (argv[0] === "--local" ? argv[1] : undefined) ?? 7233);
    return { port, host: flag("--ip") ?? "127.0.0.1", timeSkipping: false };
  }
  const port = Number(argv[0]);
  if (!Number.isInteger(port) || port <= 0) {
    console.error("usage: temporal-test-server <port> | start-dev --port <port> [--ip <host>] | --local <port>");
    process.exit(2);
  }
  return { port, host: "127.0.0.1", timeSkipping: true };
}

const startTime = process.env.TEMPORAL_TEST_SERVER_START_TIME;
const startAt = startTime ? Date.parse(startTime) : undefined;
if (startAt !== undefined && Number.isNaN(startAt)) {
  console.error(`TEMPORAL_TEST_SERVER_START_TIME is not an ISO 8601 time: ${startTime}`);
  process.exit(2);
}
const options = { ...parse(process.argv.slice(2)), ...(startAt !== undefined ? { startAt } : {}) };
const server = await startTemporalTestServer(options);
console.error(
  `[temporal-test-server] listening on ${server.address} (time skipping ${options.timeSkipping ? "on" : "off"})`,
);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void server.stop().then(() => process.exit(0));
  });
}
