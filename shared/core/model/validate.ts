/**
 * Parse an untrusted Scenario: the schema, each record's rules (record-rules.ts), and
 * what only the whole scenario can say (references between collections, unique ids,
 * the travel matrix). All of it in one round: a coordinator fixing a file sees every
 * error at once, not the unknown village only after every field error is fixed.
 * Every error names its path, so a coordinator can find the line to fix.
 */

import { isRealInstant } from "./fields.js";
import {
  type FieldError,
  formatPath,
  mergeErrors,
  metricOf,
  RECORD_KINDS,
  type RecordContext,
  recordRuleErrors,
  zodErrors,
} from "./record-rules.js";
import { type Scenario, scenarioSchema } from "./scenario.js";

export type { FieldError };
export { formatPath };

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; errors: FieldError[] };

export function validateScenario(input: unknown): ValidationResult {
  const parsed = scenarioSchema.safeParse(input);
  const errors = mergeErrors(parsed.success ? [] : zodErrors(parsed.error), scenarioRuleErrors(input));
  return parsed.success && errors.length === 0 ? { ok: true, scenario: parsed.data } : { ok: false, errors };
}

type Loose = Record<string, unknown>;
const asRecord = (v: unknown): Loose =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Loose) : {};
const items = (v: unknown): Loose[] => (Array.isArray(v) ? v.map(asRecord) : []);
const str = (v: unknown): v is string => typeof v === "string";

/**
 * Record rules and cross-collection references, read from the input as it is (it may
 * have failed the schema): a check looks only at values of the right type, so it
 * never repeats a schema error.
 */
function scenarioRuleErrors(input: unknown): FieldError[] {
  const s = asRecord(input);
  const errors: FieldError[] = [];
  const add = (path: string, message: string) => errors.push({ path, message });
  const travel = asRecord(s.travel);
  const matrix = asRecord(travel.matrix);
  const matrixIds = Array.isArray(matrix.ids) ? new Set(matrix.ids.filter(str)) : undefined;
  const context: RecordContext = { metric: metricOf(s.travel), matrixIds };

  for (const kind of RECORD_KINDS) {
    items(s[kind]).forEach((item, i) => {
      for (const e of recordRuleErrors(kind, item, context)) add(`${kind}[${i}].${e.path}`, e.message);
    });
  }

  const unique = (name: string) => {
    const seen = new Map<string, number>();
    items(s[name]).forEach((item, i) => {
      if (!str(item.id)) return;
      const first = seen.get(item.id);
      if (first !== undefined) add(`${name}[${i}].id`, `duplicate id "${item.id}" (also ${name}[${first}])`);
      else seen.set(item.id, i);
    });
    return seen;
  };
  const types = unique("containerTypes");
  unique("depots");
  const ports = unique("ports");
  unique("sailings");
  const villages = unique("villages");
  unique("shipments");
  unique("boxTypes");

  items(s.depots).forEach((d, i) => {
    for (const typeId of Object.keys(asRecord(d.fleet))) {
      if (!types.has(typeId)) add(`depots[${i}].fleet.${typeId}`, `unknown container type "${typeId}"`);
    }
  });
  items(s.sailings).forEach((sl, i) => {
    if (str(sl.port) && !ports.has(sl.port)) add(`sailings[${i}].port`, `unknown port "${sl.port}"`);
  });
  items(s.shipments).forEach((sh, i) => {
    if (str(sh.village) && !villages.has(sh.village))
      add(`shipments[${i}].village`, `unknown village "${sh.village}"`);
  });
  const horizon = asRecord(s.horizon);
  if (
    str(horizon.start) &&
    str(horizon.end) &&
    isRealInstant(horizon.start) &&
    isRealInstant(horizon.end) &&
    Date.parse(horizon.end) < Date.parse(horizon.start)
  ) {
    add("horizon.end", "must be at or after horizon.start");
  }

  if (context.metric === "matrix") {
    if (s.travel === undefined || travel.matrix === undefined)
      add("travel.matrix", 'is required when travel.metric is "matrix"');
    else if (matrixIds) {
      const n = (matrix.ids as unknown[]).length;
      for (const key of ["km", "minutes"] as const) {
        const rows = matrix[key];
        if (!Array.isArray(rows)) continue;
        if (rows.length !== n) add(`travel.matrix.${key}`, `must have ${n} rows, one per id`);
        rows.forEach((row, r) => {
          if (Array.isArray(row) && row.length !== n)
            add(`travel.matrix.${key}[${r}]`, `must have ${n} columns, one per id`);
        });
      }
    }
  }
  return errors;
}
