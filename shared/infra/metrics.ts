/**
 * Prometheus metrics of one process (API or worker): the process's own (CPU, memory, event
 * loop) and how its planning jobs ended. One registry per process, not prom-client's global
 * one, so tests can run several apps in one process without their counts mixing.
 */
import { collectDefaultMetrics, Histogram, Registry } from "prom-client";

/**
 * How a job ended: `timeout` is the hard stop, `error` a failure that may be retried,
 * `interrupted` a worker shutting down (the job went back to the queue).
 */
export type JobOutcome = "completed" | "failed" | "timeout" | "cancelled" | "error" | "interrupted";

export interface JobMetrics {
  jobFinished(job: string, outcome: JobOutcome, seconds: number): void;
}

export interface Metrics {
  registry: Registry;
  jobs: JobMetrics;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const jobDuration = new Histogram({
    name: "muatan_job_duration_seconds",
    help: "Planning jobs by name (solve, plan) and outcome, from the moment a worker took them",
    labelNames: ["job", "outcome"],
    buckets: [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600],
    registers: [registry],
  });
  return {
    registry,
    jobs: {
      jobFinished: (job, outcome, seconds) => jobDuration.observe({ job, outcome }, seconds),
    },
  };
}
