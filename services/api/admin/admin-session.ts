/**
 * A short-lived session cookie for the pages a browser opens directly (the queue dashboard),
 * where it cannot send `Authorization: Bearer`. A coordinator trades a key for the cookie at
 * `POST /admin/session`; the cookie names the key and when it ends, signed with an HMAC keyed
 * by that key's stored hash, a secret only the database holds. Any API process can check it
 * (no shared secret to configure), and revoking or expiring the key ends its sessions at once,
 * because every request looks the key up again.
 *
 * Cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it),
 * Path=/admin, Max-Age = ADMIN_SESSION_MINUTES, Secure when the request came over https.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { DataSource } from "typeorm";
import { IsNull } from "typeorm";
import { ApiKeyEntity } from "../../../shared/infra/db/entities/api-key.entity.js";

export const SESSION_COOKIE = "muatan_admin";

const sign = (keyHash: string, payload: string) =>
  createHmac("sha256", keyHash).update(payload).digest("base64url");

export function sessionToken(key: { id: string; keyHash: string }, expiresAt: number): string {
  const payload = `${key.id}.${expiresAt}`;
  return `${payload}.${sign(key.keyHash, payload)}`;
}

function cookieValue(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

/** A key is live when it is not revoked and (where keys can expire) not past its expiry. */
function isLive(key: ApiKeyEntity, now: number): boolean {
  const expiresAt = (key as { expiresAt?: Date | null }).expiresAt;
  return key.revokedAt === null && (expiresAt == null || expiresAt.getTime() > now);
}

/** The coordinator key a session cookie stands for, or null when it is missing, forged, stale or revoked. */
export async function sessionKey(
  dataSource: DataSource,
  req: Request,
  now: number,
): Promise<ApiKeyEntity | null> {
  const token = cookieValue(req, SESSION_COOKIE);
  const m = token ? /^([0-9a-f-]{36})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token) : null;
  if (!m) return null;
  const [, id, expires, mac] = m;
  if (Number(expires) <= now) return null;
  const key = await dataSource.getRepository(ApiKeyEntity).findOneBy({ id, revokedAt: IsNull() });
  if (key?.role !== "coordinator" || !isLive(key, now)) return null;
  const expected = Buffer.from(sign(key.keyHash, `${id}.${expires}`));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? key : null;
}

export function setSessionCookie(req: Request, res: Response, token: string, maxAgeMs: number): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    path: "/admin",
    maxAge: maxAgeMs,
    secure: req.secure,
  });
}

export function clearSessionCookie(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: "strict", path: "/admin" });
}

/**
 * Pages: no session -> the sign-in page. Their API calls (JSON): 401, which the dashboard's
 * page shows as an error rather than following a redirect into HTML.
 */
export function requireAdminSession(dataSource: DataSource, now: () => number) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (await sessionKey(dataSource, req, now())) {
      next();
      return;
    }
    clearSessionCookie(res);
    if (req.method === "GET" && req.accepts(["html", "json"]) === "html") {
      res.redirect(302, `/admin/login?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    res.status(401).json({
      errors: [{ path: "(session)", message: "sign in at /admin/login with a coordinator key" }],
    });
  };
}
