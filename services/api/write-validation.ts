/**
 * How every write is checked, in one round: the body's schema (strict), the core's
 * record rules, and the references it makes to stored rows. A body with any field
 * error is a 400 listing those AND its unknown references; a well-formed body that
 * refers to rows that do not exist is a 422. Nothing is written either way.
 */
import { type EntityManager, type EntityTarget, In } from "typeorm";
import type { z } from "zod";
import { id } from "../../shared/core/model/fields.js";
import { mergeErrors } from "../../shared/core/model/record-rules.js";
import { VillageEntity } from "../../shared/infra/db/entities/village.entity.js";
import { badRequest, type FieldError, unprocessable } from "../../shared/infra/errors.js";
import { zodFieldErrors } from "./validate-request.js";

/** One id a body refers to, and where in the body it is. */
export interface Reference {
  path: string;
  entity: EntityTarget<{ id: string }>;
  /** Singular, for the message: `unknown village "ghost"`. */
  noun: string;
  id: string;
}

type Loose = Record<string, unknown>;
export const asRecord = (v: unknown): Loose =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Loose) : {};

/** The references among `refs` that name no stored row, one query per table. */
export async function unknownReferences(m: EntityManager, refs: Reference[]): Promise<FieldError[]> {
  const byEntity = new Map<EntityTarget<{ id: string }>, Reference[]>();
  // An id that is no valid id (control characters, too long) is the schema's error, not looked up.
  for (const r of refs.filter((x) => id.safeParse(x.id).success))
    byEntity.set(r.entity, [...(byEntity.get(r.entity) ?? []), r]);
  const errors: FieldError[] = [];
  for (const [entity, list] of byEntity) {
    const ids = [...new Set(list.map((r) => r.id))];
    const found = new Set(
      (await m.find(entity, { select: { id: true } as never, where: { id: In(ids) } as never })).map(
        (row) => row.id,
      ),
    );
    for (const r of list)
      if (!found.has(r.id)) errors.push({ path: r.path, message: `unknown ${r.noun} "${r.id}"` });
  }
  return errors;
}

export interface WriteCheck<T> {
  /** The parsed body, when it has no field error. */
  data?: T;
  fieldErrors: FieldError[];
  referenceErrors: FieldError[];
}

/** Parse and check a body; the caller decides what comes between 400 and 422 (e.g. a 403). */
export async function checkWrite<S extends z.ZodType>(
  m: EntityManager,
  schema: S,
  body: unknown,
  options: {
    /** The core's record rules for this body (paths relative to it). */
    rules?: (body: unknown) => FieldError[];
    /** What the body refers to, read leniently (the body may have failed its schema). */
    references?: (body: unknown) => Reference[];
    /** Where the body sits in the request, e.g. ["rows", 3]. */
    base?: readonly PropertyKey[];
  } = {},
): Promise<WriteCheck<z.infer<S>>> {
  const parsed = schema.safeParse(body);
  const fieldErrors = mergeErrors(
    parsed.success ? [] : zodFieldErrors(parsed.error, options.base),
    (options.rules?.(body) ?? []).map((e) => ({ ...e, path: prefix(options.base, e.path) })),
  );
  const referenceErrors = await unknownReferences(m, options.references?.(body) ?? []);
  return {
    data: parsed.success && fieldErrors.length === 0 ? parsed.data : undefined,
    fieldErrors,
    referenceErrors,
  };
}

/** A path inside a request part: ["rows", 3] + "weightKg" -> rows[3].weightKg. */
function prefix(base: readonly PropertyKey[] | undefined, path: string): string {
  if (!base || base.length === 0) return path;
  const head = base
    .map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`))
    .join("");
  return path.startsWith("[") ? `${head}${path}` : `${head}.${path}`;
}

/** 400 with every field and reference error, if any field is wrong. */
export function throwFieldErrors(
  checks: { fieldErrors: FieldError[]; referenceErrors: FieldError[] }[],
): void {
  const fields = mergeErrors(...checks.map((c) => c.fieldErrors));
  if (fields.length > 0) throw badRequest(mergeErrors(fields, ...checks.map((c) => c.referenceErrors)));
}

/** 422 with every unknown reference, if any. */
export function throwReferenceErrors(checks: { referenceErrors: FieldError[] }[]): void {
  const refs = mergeErrors(...checks.map((c) => c.referenceErrors));
  if (refs.length > 0) throw unprocessable(refs);
}

/** The usual order: field errors (with references), then references. Returns the parsed body. */
export async function validateWrite<S extends z.ZodType>(
  m: EntityManager,
  schema: S,
  body: unknown,
  options: Parameters<typeof checkWrite>[3] = {},
): Promise<z.infer<S>> {
  const check = await checkWrite(m, schema, body, options);
  throwFieldErrors([check]);
  throwReferenceErrors([check]);
  return check.data as z.infer<S>;
}

/** Village ids listed under `path` (a key's or a filter's villages), as references. */
export const villageReferences = (list: unknown, path: string): Reference[] =>
  Array.isArray(list)
    ? list.flatMap((v, i) =>
        typeof v === "string"
          ? [{ path: `${path}[${i}]`, entity: VillageEntity, noun: "village", id: v }]
          : [],
      )
    : [];
