/**
 * Rate limits per API key (express-rate-limit), counted in Redis when REDIS_URL is set
 * (rate-limit-redis: every API process shares the count) and in memory otherwise. Three
 * budgets per minute, 0 = no limit:
 *  - every authenticated request, per key (the dashboard polls a planning run every
 *    0.7 s, about 86 a minute, far below the default 600);
 *  - planning and solving, per key: each takes a CPU core for seconds;
 *  - requests refused for their key (401), per client address: guessing keys or a
 *    broken client gets 429 instead of an answer.
 * An answer over the limit is 429 with Retry-After and the usual error shape.
 * While Redis is unreachable the limits fail open: requests are served uncounted rather
 * than refused with a 500 (a solve asked for then waits for the queue like any other).
 */
import type { Request, RequestHandler, Response } from "express";
import { ipKeyGenerator, MemoryStore, type Options, rateLimit, type Store } from "express-rate-limit";
import type { Redis } from "ioredis";
import { type RedisReply, RedisStore } from "rate-limit-redis";
import { AppError } from "../../shared/infra/errors.js";
import type { Principal } from "../read-model/access-policy.js";

export interface RateLimits {
  perKey: number;
  planning: number;
  refused: number;
}

/** What `loadConfig({})` gives: the limits an app without configuration runs with. */
export const DEFAULT_RATE_LIMITS: RateLimits = { perKey: 600, planning: 12, refused: 30 };

const WINDOW_MS = 60_000;
const pass: RequestHandler = (_req, _res, next) => next();

/** Counts in Redis, under a prefix of this service's own (its queue's): API processes of one service share them. */
export interface RedisCounts {
  redis: Redis;
  prefix: string;
}

interface RateLimited {
  rateLimit?: { limit: number; resetTime?: Date };
}

function storeFor(name: string, counts: RedisCounts | undefined): Store {
  if (!counts) return new MemoryStore();
  const { redis, prefix } = counts;
  return new RedisStore({
    prefix: `${prefix}${name}:`,
    sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as Promise<RedisReply>,
  });
}

function tooMany(res: Response, resetTime: Date | undefined, message: string): void {
  const reset = resetTime?.getTime() ?? Date.now() + WINDOW_MS;
  const seconds = Math.max(1, Math.ceil((reset - Date.now()) / 1000));
  res.set("Retry-After", String(seconds));
  res
    .status(429)
    .json({ errors: [{ path: "(rate-limit)", message: `${message}; retry after ${seconds} s` }] });
}

function limiter(
  name: string,
  perMinute: number,
  counts: RedisCounts | undefined,
  what: string,
  options: Partial<Options>,
): RequestHandler {
  if (perMinute <= 0) return pass;
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: perMinute,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    store: storeFor(name, counts),
    handler: (req: Request, res: Response) =>
      tooMany(res, (req as Request & RateLimited).rateLimit?.resetTime, `${what} (${perMinute} a minute)`),
    passOnStoreError: true,
    ...options,
  });
}

/**
 * Wraps authentication: a request whose key is refused (401) counts against its client
 * address, and once the address is over the limit its refused requests answer 429. A
 * valid key is never held back by this count, so one broken client behind a village's
 * shared address does not lock out its neighbours.
 */
function refusedKeysLimiter(
  perMinute: number,
  counts: RedisCounts | undefined,
): (authenticate: RequestHandler) => RequestHandler {
  if (perMinute <= 0) return (authenticate) => authenticate;
  const store = storeFor("refused", counts);
  void store.init?.({ windowMs: WINDOW_MS } as Options);
  return (authenticate) => async (req, res, next) => {
    try {
      await authenticate(req, res, next);
    } catch (error) {
      if (!(error instanceof AppError) || error.httpStatus !== 401) throw error;
      const key = `ip:${ipKeyGenerator(req.ip ?? "")}`;
      const seen = await Promise.resolve(store.increment(key)).catch(() => undefined);
      if (seen && seen.totalHits > perMinute) {
        tooMany(
          res,
          seen.resetTime,
          `too many requests with a missing or refused key from this address (${perMinute} a minute)`,
        );
        return;
      }
      throw error;
    }
  };
}

const keyOf = (res: Response) => `key:${(res.locals.principal as Principal).keyId}`;

export interface RateLimiters {
  /** after authentication: every request of a key */
  perKey: RequestHandler;
  /** after authentication: POST /v1/plans and POST /v1/solve */
  planning: RequestHandler;
  /** around authentication: counts the requests whose key it refused */
  refusedKeys: (authenticate: RequestHandler) => RequestHandler;
}

export function rateLimiters(limits: RateLimits, counts?: RedisCounts): RateLimiters {
  return {
    perKey: limiter("key", limits.perKey, counts, "too many requests for this key", {
      keyGenerator: (_req, res) => keyOf(res),
    }),
    planning: limiter(
      "planning",
      limits.planning,
      counts,
      "too many planning or solving requests for this key",
      {
        keyGenerator: (_req, res) => keyOf(res),
      },
    ),
    refusedKeys: refusedKeysLimiter(limits.refused, counts),
  };
}
