import { EmbeddedPostgresError } from "../embedded-postgres.js";
import { EnvError } from "../runtime/env-fields.js";

/** Runs a command-line entry point: a clear one-line message and exit code 1 on failure, no stack for bad config or set-up. */
export function runCli(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      console.error(error instanceof EnvError || error instanceof EmbeddedPostgresError ? error.message : error);
      process.exit(1);
    },
  );
}
