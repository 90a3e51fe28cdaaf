/**
 * Who is calling: resolved from `Authorization: Bearer KEY` against the hashed keys.
 * What the caller may see is the read model's business (services/read-model/).
 */
import type { NextFunction, Request, Response } from "express";
import type { DataSource } from "typeorm";
import { IsNull } from "typeorm";
import { hashApiKey } from "../../shared/infra/db/api-keys.repository.js";
import { readThrough } from "../../shared/infra/db/change-feed.js";
import { ApiKeyEntity, type Role } from "../../shared/infra/db/entities/api-key.entity.js";
import { forbidden, unauthorized } from "../../shared/infra/errors.js";
import { type AccessPolicy, type Principal, policyFor } from "../read-model/access-policy.js";

export type { Principal };

export function principalOf(res: Response): Principal {
  const p = res.locals.principal as Principal | undefined;
  if (!p) throw unauthorized("missing API key");
  return p;
}

/** The caller's read policy (services/read-model/access-policy.ts). */
export const policyOf = (res: Response): AccessPolicy => policyFor(principalOf(res));

/** `now` is the service's clock: a key past its `expiresAt` is refused. */
export function authenticate(dataSource: DataSource, now: () => Date = () => new Date()) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.get("authorization") ?? "";
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw unauthorized('send "Authorization: Bearer <API key>"');
    const keyHash = hashApiKey(match[1]);
    // Kept until api_key changes anywhere (a key revoked, created, expiring): one query less per request.
    const key = await readThrough(dataSource, `key:${keyHash}`, ["api_key"], () =>
      dataSource.getRepository(ApiKeyEntity).findOneBy({ keyHash, revokedAt: IsNull() }),
    );
    if (!key) throw unauthorized("unknown or revoked API key");
    if (key.expiresAt !== null && key.expiresAt.getTime() <= now().getTime())
      throw unauthorized("expired API key");
    res.locals.principal = {
      keyId: key.id,
      role: key.role,
      villages: key.villages ?? [],
      exporter: key.exporter,
    } satisfies Principal;
    next();
  };
}

export function requireRole(...roles: Role[]) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const p = principalOf(res);
    if (!roles.includes(p.role)) {
      throw forbidden("(role)", `this needs a ${roles.join(" or ")} key; yours is ${p.role}`);
    }
    next();
  };
}
