/**
 * The one place errors become HTTP. Our AppError carries its status; body-parser's
 * errors (bad JSON, too large) are the client's; anything else is our bug: 500, logged,
 * with no internals in the body.
 */
import type { ErrorRequestHandler, RequestHandler } from "express";
import { databaseRefusal } from "../../shared/infra/db/database-refusal.js";
import { AppError } from "../../shared/infra/errors.js";
import type { Logger } from "../../shared/infra/logger.js";
import { describeLimit } from "./body-limits.js";

/** body-parser's 413, in words: how large, and the limit. */
function tooLarge(err: { length?: number; limit?: number }): string {
  const size = typeof err.length === "number" ? ` (${(err.length / 1024 / 1024).toFixed(1)} MB)` : "";
  const limit = typeof err.limit === "number" ? describeLimit(err.limit) : "the limit";
  return `is too large${size}: this endpoint takes at most ${limit}; send large shipment lists in batches of at most 5000`;
}

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json({ errors: [{ path: "(url)", message: `no route ${req.method} ${req.path}` }] });
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const refusal = databaseRefusal(err);
    if (refusal) {
      res.status(refusal.httpStatus).json({ errors: refusal.errors });
      return;
    }
    if (err instanceof AppError) {
      res.status(err.httpStatus).json({ errors: err.errors });
      return;
    }
    const status =
      typeof err?.status === "number"
        ? err.status
        : typeof err?.statusCode === "number"
          ? err.statusCode
          : 500;
    if (status >= 400 && status < 500) {
      const message =
        err.type === "entity.parse.failed"
          ? `is not valid JSON: ${err.message}`
          : err.type === "entity.too.large"
            ? tooLarge(err)
            : err.type === "charset.unsupported" || err.type === "encoding.unsupported"
              ? err.message
              : String(err.message ?? "bad request");
      res.status(status).json({ errors: [{ path: "(body)", message }] });
      return;
    }
    // req.log carries the request id (observability/request-log.ts); the answer names it too,
    // so a coordinator reporting the error gives the operator the log line to look for.
    (req.log ?? logger).error({ err, method: req.method, url: req.originalUrl }, "unhandled error");
    const id = res.getHeader("X-Request-Id");
    res.status(500).json({
      errors: [
        {
          path: "(server)",
          message: `internal error; the request may be retried${id ? ` (request id ${id})` : ""}`,
        },
      ],
    });
  };
}
