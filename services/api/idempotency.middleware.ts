/**
 * `Idempotency-Key` on the writes people repeat when a village connection drops or they
 * press twice (shipments, batch, import, plans). The same key from the same API key with
 * the same request replays the first answer (status, body, Location) with
 * `Idempotent-Replayed: true`, writing nothing; the same key with another request is
 * refused (422). Of concurrent duplicates, one runs (the table's primary key decides);
 * the others wait for its answer. A request that is refused or fails wrote nothing, so
 * its key is released and may be retried.
 */
import { createHash } from "node:crypto";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { DataSource } from "typeorm";
import {
  type Claim,
  claimIdempotencyKey,
  completeIdempotencyKey,
  readIdempotencyKey,
  releaseIdempotencyKey,
  type StoredAnswer,
} from "../../shared/infra/db/idempotency-keys.repository.js";
import { AppError, badRequest } from "../../shared/infra/errors.js";
import { principalOf } from "./principal.js";

const HEADER = "idempotency-key";
const PATH = "(header).idempotency-key";
/** A duplicate waits this long for the first request's answer before it is told to retry. */
const WAIT_MS = 30_000;
const POLL_MS = 100;
/** A claim still running after this long belongs to a process that died: take it over. */
const ABANDONED_SECONDS = 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function fingerprint(req: Request): string {
  const body = typeof req.body === "string" ? req.body : JSON.stringify(req.body ?? null);
  return createHash("sha256")
    .update(`${req.method} ${req.originalUrl}\n${req.get("content-type") ?? ""}\n${body}`)
    .digest("hex");
}

function readHeader(req: Request): string | undefined {
  const value = req.get(HEADER);
  if (value === undefined) return undefined;
  if (!/^[\x20-\x7e]{1,255}$/.test(value) || value.trim() === "") {
    throw badRequest([
      { path: PATH, message: "must be 1 to 255 visible ASCII characters (a UUID is a good key)" },
    ]);
  }
  return value;
}

function replay(res: Response, answer: StoredAnswer): void {
  res.status(answer.status ?? 200);
  if (answer.location) res.location(answer.location);
  res.set("Idempotent-Replayed", "true");
  res.type("application/json").send(answer.body ?? "");
}

export function idempotent(dataSource: DataSource): RequestHandler {
  const m = () => dataSource.manager;

  /** Wait for the first request's answer; null when its claim went away (it wrote nothing). */
  async function waitForAnswer(claim: Claim): Promise<StoredAnswer | null> {
    const until = Date.now() + WAIT_MS;
    for (;;) {
      const row = await readIdempotencyKey(m(), claim.keyId, claim.key);
      if (row === null || row.status !== null) return row;
      if (row.ageSeconds > ABANDONED_SECONDS) {
        await releaseIdempotencyKey(m(), claim.keyId, claim.key);
        return null;
      }
      if (Date.now() > until) {
        throw new AppError("CONFLICT", 409, [
          { path: PATH, message: "a request with this key is still running; retry in a moment" },
        ]);
      }
      await sleep(POLL_MS);
    }
  }

  return async (req: Request, res: Response, next: NextFunction) => {
    const key = readHeader(req);
    if (key === undefined) return next();
    const claim: Claim = {
      keyId: principalOf(res).keyId,
      key,
      request: `${req.method} ${req.originalUrl}`,
      fingerprint: fingerprint(req),
    };
    for (;;) {
      const first = await claimIdempotencyKey(m(), claim);
      if (first === true) break;
      if (first !== null && first.fingerprint !== claim.fingerprint) {
        const what = first.request === claim.request ? `${first.request} with another body` : first.request;
        throw new AppError("UNPROCESSABLE", 422, [
          {
            path: PATH,
            message: `was already used for a different request (${what}); send a new key for a new request`,
          },
        ]);
      }
      const answer = first?.status != null ? first : first && (await waitForAnswer(claim));
      if (answer) {
        replay(res, answer);
        return;
      }
      // the first request wrote nothing and let go of the key: run this one
    }

    // Keep the answer before it leaves, so a retry after it arrives is a replay.
    let settled = false;
    const send = res.json.bind(res);
    res.json = (body: unknown) => {
      settled = true;
      const status = res.statusCode;
      const done =
        status < 400
          ? completeIdempotencyKey(m(), claim.keyId, claim.key, {
              status,
              location: res.get("location") ?? null,
              body: JSON.stringify(body),
            })
          : releaseIdempotencyKey(m(), claim.keyId, claim.key);
      void done.catch(() => undefined).then(() => send(body));
      return res;
    };
    res.on("close", () => {
      if (!settled) void releaseIdempotencyKey(m(), claim.keyId, claim.key).catch(() => undefined);
    });
    next();
  };
}
