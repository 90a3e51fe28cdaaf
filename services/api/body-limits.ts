/**
 * How large a request body may be, by route: enough for the largest honest request,
 * small enough that a mistaken or hostile upload is refused before it is read whole.
 * Over the limit: 413 `{"errors":[{"path":"(body)","message":...}]}` saying the limit.
 *
 * - POST /v1/solve: a whole Scenario (a national week of 50,000 shipments is ~15 MB).
 * - POST /v1/shipments/batch and the CSV import: up to MAX_BATCH (5,000) shipments.
 * - everything else: one record, a plan request, settings, a key.
 */
import express, { type RequestHandler } from "express";

export const BODY_LIMITS = {
  solve: "32mb",
  batch: "5mb",
  csv: "5mb",
  default: "1mb",
} as const;

const json = {
  solve: express.json({ limit: BODY_LIMITS.solve }),
  batch: express.json({ limit: BODY_LIMITS.batch }),
  default: express.json({ limit: BODY_LIMITS.default }),
};

/** The JSON body parser for every route, with the limit of the route. */
export const jsonBody: RequestHandler = (req, res, next) => {
  const path = req.path;
  const parser =
    path === "/v1/solve" ? json.solve : path === "/v1/shipments/batch" ? json.batch : json.default;
  parser(req, res, next);
};

/** The CSV import's body (text/csv). */
export const csvBody = express.text({
  type: ["text/csv", "text/plain", "application/csv"],
  limit: BODY_LIMITS.csv,
});

/** "1mb" -> "1 MB", for messages. */
export const describeLimit = (limit: number | string) =>
  typeof limit === "number" ? `${Math.round(limit / 1024 / 1024)} MB` : limit.replace(/mb$/i, " MB");
