import { type Logger, pino } from "pino";

export type { Logger };

/** Structured JSON logs on stdout; the level comes from config, never from process.env here. */
export function createLogger(level: string, name: string): Logger {
  return pino({ level, name });
}
