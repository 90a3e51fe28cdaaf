/**
 * What PostgreSQL refuses is the caller's mistake or a lost race, not our bug: map the
 * refusals a request can cause to the API's errors instead of a 500. Validation at the
 * edge catches these first; this is the net under it (and the answer to two requests
 * racing for one id, which no check before the INSERT can rule out).
 */
import { QueryFailedError } from "typeorm";
import { AppError } from "../errors.js";

interface PgError {
  code?: string;
  detail?: string;
  column?: string;
}

const driverError = (err: unknown): PgError | null =>
  err instanceof QueryFailedError
    ? ((err as QueryFailedError & { driverError: PgError }).driverError ?? null)
    : null;

/** `Key ("id")=(SH-1) already exists.` -> { column: "id", value: "SH-1" } */
export function duplicateKey(err: unknown): { column: string; value: string } | null {
  const e = driverError(err);
  if (e?.code !== "23505") return null;
  const m = /^Key \(("?)([^)]+?)\1\)=\((.*)\) already exists/.exec(e.detail ?? "");
  return m ? { column: m[2], value: m[3] } : { column: "id", value: "" };
}

/** The API error for a refusal PostgreSQL gave, or null when it is not one a request causes. */
export function databaseRefusal(err: unknown): AppError | null {
  const e = driverError(err);
  if (!e?.code) return null;
  const dup = duplicateKey(err);
  if (dup) {
    return new AppError("CONFLICT", 409, [
      { path: dup.column, message: `"${dup.value}" already exists (stored by another request meanwhile)` },
    ]);
  }
  const bad = (message: string) =>
    new AppError("BAD_REQUEST", 400, [{ path: e.column ?? "(body)", message }]);
  switch (e.code) {
    case "22003": // numeric_value_out_of_range
      return bad("a number is outside the range the database can store");
    case "22001": // string_data_right_truncation
    case "54000": // program_limit_exceeded (e.g. an index row too large)
      return bad("a value is too long to store");
    case "22021": // character_not_in_repertoire (NUL in text)
    case "22P05": // untranslatable_character (\u0000 in jsonb)
      return bad("a text holds a character the database cannot store (control characters are not allowed)");
    case "40001": // serialization_failure
    case "40P01": // deadlock_detected
      return new AppError("RETRY", 503, [
        { path: "(server)", message: "the request collided with another one; retry it" },
      ]);
    default:
      return null;
  }
}
