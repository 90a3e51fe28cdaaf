/**
 * One error family for everything a caller can get wrong. Each carries a stable `code`
 * and the HTTP status the API maps it to in one middleware; `errors` always names the
 * field(s), so a client can point at the line to fix.
 */
export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    readonly errors: FieldError[],
  ) {
    super(errors.map((e) => `${e.path}: ${e.message}`).join("; "));
    this.name = "AppError";
  }
}

/** The request itself is malformed (schema, types, bad JSON). */
export const badRequest = (errors: FieldError[]) => new AppError("BAD_REQUEST", 400, errors);
/** Well-formed, but refers to things that do not exist or cannot be planned. */
export const unprocessable = (errors: FieldError[]) => new AppError("UNPROCESSABLE", 422, errors);
export const notFound = (what: string, id: string) =>
  new AppError("NOT_FOUND", 404, [{ path: what, message: `no ${what} "${id}"` }]);
/** The request conflicts with the current state (duplicate id, move not allowed now). */
export const conflict = (path: string, message: string) => new AppError("CONFLICT", 409, [{ path, message }]);
export const unauthorized = (message: string) =>
  new AppError("UNAUTHORIZED", 401, [{ path: "(header).authorization", message }]);
export const forbidden = (path: string, message: string) =>
  new AppError("FORBIDDEN", 403, [{ path, message }]);
