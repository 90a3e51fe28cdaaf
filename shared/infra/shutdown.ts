/**
 * Graceful shutdown on SIGTERM/SIGINT: run the closers in order, each bounded by the
 * remaining time, then exit. A second signal exits at once.
 */
import type { Logger } from "./logger.js";

export function onShutdown(logger: Logger, timeoutMs: number, closers: (() => Promise<unknown>)[]): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, timeoutMs }, "shutting down");
    const deadline = setTimeout(() => {
      logger.error("shutdown timed out; exiting");
      process.exit(1);
      // Past the closers' own bound (a worker waits timeoutMs for its jobs, then up to 5 s for
      // them to hand themselves back to the queue), so a clean drain always exits 0.
    }, timeoutMs + 10_000);
    deadline.unref();
    void (async () => {
      for (const close of closers) {
        try {
          await close();
        } catch (error) {
          logger.error({ err: error }, "error while shutting down");
        }
      }
      logger.info("stopped");
      process.exit(0);
    })();
  };
  process.on("SIGTERM", handler);
  process.on("SIGINT", handler);
}
