import { hostname } from "node:os";

/** How a process names itself on the jobs it runs: WORKER_NAME, else hostname:pid. */
export function workerName(configured: string | undefined): string {
  return configured ?? `${hostname()}:${process.pid}`;
}
