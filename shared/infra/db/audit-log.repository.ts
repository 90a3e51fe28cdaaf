/**
 * The audit log: who changed what. A change and its entry are written by the same
 * transaction (`m` is the change's own EntityManager), so neither exists without the other.
 */
import type { EntityManager } from "typeorm";
import { AuditEntryEntity } from "./entities/audit-entry.entity.js";

export interface AuditActor {
  keyId: string | null;
  role: string | null;
}

export interface AuditEvent {
  action: string;
  resource: string;
  resourceId: string;
  summary: string;
  changes?: { before?: unknown; after?: unknown };
}

export async function recordAudit(
  m: EntityManager,
  actor: AuditActor,
  at: Date,
  event: AuditEvent,
): Promise<void> {
  await m.insert(AuditEntryEntity, {
    at,
    keyId: actor.keyId,
    role: actor.role,
    action: event.action,
    resource: event.resource,
    resourceId: event.resourceId,
    summary: event.summary,
    // jsonb of whatever the item's fields were; TypeORM cannot type `unknown` deeply
    changes: (event.changes ?? null) as never,
  });
}

/** The fields of two versions of an item that differ, each side holding only those. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
    .sort();
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k] ?? null])),
    after: Object.fromEntries(keys.map((k) => [k, after[k] ?? null])),
  };
}
