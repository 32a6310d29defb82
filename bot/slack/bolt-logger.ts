import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import { errorMessage, type Logger } from "../../prisma/runtime/logger.js";

const ORDER: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 10,
  [LogLevel.INFO]: 20,
  [LogLevel.WARN]: 30,
  [LogLevel.ERROR]: 40,
};

/**
 * Bolt's and its Web API client's log lines through the project's JSON logger, at WARN and above by default.
 * Only strings and error messages are kept: Bolt's debug output can include whole request payloads, which carry
 * what staff typed, so objects are reduced to their type.
 */
export function boltLogger(logger: Logger, initial: LogLevel = LogLevel.WARN): BoltLogger {
  let level = initial;
  let name = "bolt";
  const text = (parts: unknown[]) =>
    parts
      .map((part) =>
        typeof part === "string" ? part : part instanceof Error ? errorMessage(part) : `[${typeof part}]`,
      )
      .join(" ");
  const at =
    (wanted: LogLevel, write: (message: string, fields: { source: string }) => void) =>
    (...parts: unknown[]) => {
      if (ORDER[wanted] >= ORDER[level]) write(text(parts), { source: name });
    };
  return {
    debug: at(LogLevel.DEBUG, (m, f) => logger.debug(m, f)),
    info: at(LogLevel.INFO, (m, f) => logger.info(m, f)),
    warn: at(LogLevel.WARN, (m, f) => logger.warn(m, f)),
    error: at(LogLevel.ERROR, (m, f) => logger.error(m, f)),
    setLevel: (next) => void (level = next),
    getLevel: () => level,
    setName: (next) => void (name = next),
  };
}
