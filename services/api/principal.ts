/**
 * Who is calling: resolved from `Authorization: Bearer KEY` against the hashed keys.
 * Role scoping lives here so every router asks the same questions.
 */
import type { NextFunction, Request, Response } from "express";
import type { DataSource } from "typeorm";
import { IsNull } from "typeorm";
import { hashApiKey } from "../../shared/infra/db/api-keys.repository.js";
import { ApiKeyEntity, type Role } from "../../shared/infra/db/entities/api-key.entity.js";
import { forbidden, unauthorized } from "../../shared/infra/errors.js";

export interface Principal {
  keyId: string;
  role: Role;
  villages: string[];
  exporter: string | null;
}

export function principalOf(res: Response): Principal {
  const p = res.locals.principal as Principal | undefined;
  if (!p) throw unauthorized("missing API key");
  return p;
}

export function authenticate(dataSource: DataSource) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.get("authorization") ?? "";
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw unauthorized('send "Authorization: Bearer <API key>"');
    const key = await dataSource
      .getRepository(ApiKeyEntity)
      .findOneBy({ keyHash: hashApiKey(match[1]), revokedAt: IsNull() });
    if (!key) throw unauthorized("unknown or revoked API key");
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

/** Can this caller see (and act for) a shipment with these fields? */
export function canSeeShipment(
  p: Principal,
  s: { village: string; exporter: string | null | undefined },
): boolean {
  if (p.role === "coordinator") return true;
  if (p.role === "bumdes") return p.villages.includes(s.village);
  return s.exporter !== null && s.exporter !== undefined && s.exporter === p.exporter;
}
