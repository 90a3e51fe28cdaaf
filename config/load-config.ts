/**
 * The one place environment variables are read and typed. `loadConfig(env)` is pure:
 * main.ts passes `process.env`, tests pass a literal object. A bad value fails fast
 * with every offending key named, before any connection is opened.
 */
import { z } from "zod";

const intFrom = (def: number, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return def;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `must be a whole number between ${min} and ${max}` });
        return z.NEVER;
      }
      return n;
    });

const numberFrom = (def: number, min: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return def;
      const n = Number(v);
      if (!Number.isFinite(n) || n < min) {
        ctx.addIssue({ code: "custom", message: `must be a number >= ${min}` });
        return z.NEVER;
      }
      return n;
    });

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const urlWith = (protocols: string[]) =>
  optionalText.refine(
    (v) => v === undefined || protocols.some((p) => v.startsWith(`${p}://`)),
    `must start with ${protocols.map((p) => `${p}://`).join(" or ")}`,
  );

const boolFrom = (def: boolean) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return def;
      if (/^(1|true|yes|on)$/i.test(v)) return true;
      if (/^(0|false|no|off)$/i.test(v)) return false;
      ctx.addIssue({ code: "custom", message: "must be true or false" });
      return z.NEVER;
    });

const envSchema = z.object({
  NODE_ENV: optionalText,
  PORT: intFrom(8080, 0, 65535),
  HOST: optionalText,
  PUBLIC_URL: urlWith(["http", "https"]),
  DATABASE_URL: urlWith(["postgres", "postgresql"]),
  DATA_DIR: optionalText,
  REDIS_URL: urlWith(["redis", "rediss"]),
  QUEUE_NAME: optionalText,
  QUEUE_PREFIX: optionalText,
  WORKER_CONCURRENCY: intFrom(1, 1, 64),
  JOB_ATTEMPTS: intFrom(3, 1, 20),
  JOB_BACKOFF_MS: intFrom(2000, 0),
  JOB_LOCK_MS: intFrom(30000, 1000),
  JOB_GRACE_SECONDS: numberFrom(5, 0),
  WORKER_NAME: optionalText,
  PLAN_TIME_LIMIT_SECONDS: numberFrom(10, 0.1),
  PLAN_SEED: intFrom(1, 0),
  PLAN_PARTS_ABOVE_SHIPMENTS: intFrom(1500, 0),
  PLAN_PART_MAX_SHIPMENTS: intFrom(800, 1),
  BOOTSTRAP_API_KEY: optionalText.refine(
    (v) => v === undefined || v.length >= 16,
    "must be at least 16 characters (it grants the coordinator role)",
  ),
  DEMO_DATA: boolFrom(true),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .optional()
    .default("info"),
  SHUTDOWN_TIMEOUT_SECONDS: numberFrom(30, 0),
  METRICS_OPEN_ON_LOOPBACK: boolFrom(true),
  WORKER_METRICS_PORT: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) {
        ctx.addIssue({ code: "custom", message: "must be a whole number between 0 and 65535" });
        return z.NEVER;
      }
      return n;
    }),
  WORKER_METRICS_HOST: optionalText,
  ADMIN_SESSION_MINUTES: intFrom(30, 1, 24 * 60),
  TRUST_PROXY: intFrom(0, 0, 10),
  RATE_LIMIT_PER_MINUTE: intFrom(600, 0),
  RATE_LIMIT_PLANNING_PER_MINUTE: intFrom(12, 0),
  RATE_LIMIT_REFUSED_PER_MINUTE: intFrom(30, 0),
});

export interface Config {
  readonly env: string;
  readonly http: {
    readonly port: number;
    readonly host: string;
    readonly publicUrl?: string;
    /** Proxies in front of the service whose X-Forwarded-For is believed (0 = none). */
    readonly trustProxy: number;
  };
  /** `url` absent = embedded PostgreSQL (PGlite) with its data in `dataDir`. */
  readonly database: { readonly url?: string; readonly dataDir: string };
  /** `redisUrl` absent = jobs run in-process through the same processor. */
  readonly queue: {
    readonly redisUrl?: string;
    readonly name: string;
    readonly prefix: string;
    readonly concurrency: number;
    readonly attempts: number;
    readonly backoffMs: number;
    readonly lockMs: number;
    /** Past a job's time limit, how long before its solver thread is stopped from outside. */
    readonly graceMs: number;
    /** What GET /v1/jobs says ran a flow's part; absent = hostname:pid. */
    readonly workerName?: string;
  };
  readonly planning: {
    readonly timeLimitMs: number;
    readonly seed: number;
    /** A week with more shipments is planned as a flow of parts (0: always try). */
    readonly partsAboveShipments: number;
    /** The largest part, in shipments. */
    readonly maxShipmentsPerPart: number;
  };
  readonly auth: { readonly bootstrapApiKey?: string };
  /** Requests per minute; 0 = no limit. Kept in Redis when REDIS_URL is set, else in memory. */
  readonly rateLimits: {
    /** per API key, every authenticated request */
    readonly perKey: number;
    /** per API key, planning and solving (POST /v1/plans, POST /v1/solve) */
    readonly planning: number;
    /** per client address, requests refused for a missing, unknown, revoked or expired key */
    readonly refused: number;
  };
  readonly demoData: boolean;
  readonly logLevel: string;
  readonly shutdownTimeoutMs: number;
  readonly observability: {
    /** /metrics without a key for callers on this machine (not forwarded by a proxy). */
    readonly metricsOpenOnLoopback: boolean;
    /** The worker serves its own /metrics on this port; absent = it does not. */
    readonly workerMetricsPort?: number;
    readonly workerMetricsHost: string;
    /** Lifetime of the queue dashboard's session cookie. */
    readonly adminSessionMs: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: { key: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.key}: ${p.message}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({ key: String(i.path[0] ?? "(env)"), message: i.message })),
    );
  }
  const e = parsed.data;
  return deepFreeze({
    env: e.NODE_ENV ?? "development",
    http: { port: e.PORT, host: e.HOST ?? "0.0.0.0", publicUrl: e.PUBLIC_URL, trustProxy: e.TRUST_PROXY },
    database: { url: e.DATABASE_URL, dataDir: e.DATA_DIR ?? ".muatan-data" },
    queue: {
      redisUrl: e.REDIS_URL,
      name: e.QUEUE_NAME ?? "planning",
      prefix: e.QUEUE_PREFIX ?? "muatan",
      concurrency: e.WORKER_CONCURRENCY,
      attempts: e.JOB_ATTEMPTS,
      backoffMs: e.JOB_BACKOFF_MS,
      lockMs: e.JOB_LOCK_MS,
      graceMs: Math.round(e.JOB_GRACE_SECONDS * 1000),
      workerName: e.WORKER_NAME,
    },
    planning: {
      timeLimitMs: Math.round(e.PLAN_TIME_LIMIT_SECONDS * 1000),
      seed: e.PLAN_SEED,
      partsAboveShipments: e.PLAN_PARTS_ABOVE_SHIPMENTS,
      maxShipmentsPerPart: e.PLAN_PART_MAX_SHIPMENTS,
    },
    auth: { bootstrapApiKey: e.BOOTSTRAP_API_KEY },
    rateLimits: {
      perKey: e.RATE_LIMIT_PER_MINUTE,
      planning: e.RATE_LIMIT_PLANNING_PER_MINUTE,
      refused: e.RATE_LIMIT_REFUSED_PER_MINUTE,
    },
    demoData: e.DEMO_DATA,
    logLevel: e.LOG_LEVEL,
    shutdownTimeoutMs: Math.round(e.SHUTDOWN_TIMEOUT_SECONDS * 1000),
    observability: {
      metricsOpenOnLoopback: e.METRICS_OPEN_ON_LOOPBACK,
      workerMetricsPort: e.WORKER_METRICS_PORT,
      workerMetricsHost: e.WORKER_METRICS_HOST ?? "127.0.0.1",
      adminSessionMs: e.ADMIN_SESSION_MINUTES * 60_000,
    },
  });
}
