/**
 * Parse an untrusted Scenario: the schema first, then what a schema cannot say
 * (references between collections, unique ids, coordinates the metric needs).
 * Every error names its path, so a coordinator can find the line to fix.
 */
import type { z } from "zod";
import { type Scenario, scenarioSchema } from "./scenario.js";

export interface FieldError {
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; errors: FieldError[] };

/** `["shipments", 3, "weightKg"]` -> `shipments[3].weightKg` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(scenario)" : out;
}

function zodErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    let message = issue.message;
    if (issue.code === "invalid_type" && /received undefined/.test(message)) message = "is required";
    else if (issue.code === "invalid_type") message = `must be ${issue.expected}`;
    else if (issue.code === "unrecognized_keys") message = `unknown field(s): ${issue.keys.join(", ")}`;
    return { path: formatPath(issue.path), message };
  });
}

export function validateScenario(input: unknown): ValidationResult {
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error) };
  const errors = referenceErrors(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scenario: parsed.data };
}

function referenceErrors(s: Scenario): FieldError[] {
  const errors: FieldError[] = [];
  const add = (path: string, message: string) => errors.push({ path, message });

  const unique = (name: string, items: { id: string }[]) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined) add(`${name}[${i}].id`, `duplicate id "${item.id}" (also ${name}[${first}])`);
      else seen.set(item.id, i);
    });
    return seen;
  };
  const types = unique("containerTypes", s.containerTypes);
  unique("depots", s.depots);
  const ports = unique("ports", s.ports);
  unique("sailings", s.sailings ?? []);
  const villages = unique("villages", s.villages);
  unique("shipments", s.shipments);
  unique("boxTypes", s.boxTypes ?? []);

  s.depots.forEach((d, i) => {
    for (const typeId of Object.keys(d.fleet ?? {})) {
      if (!types.has(typeId)) add(`depots[${i}].fleet.${typeId}`, `unknown container type "${typeId}"`);
    }
  });
  (s.sailings ?? []).forEach((sl, i) => {
    if (!ports.has(sl.port)) add(`sailings[${i}].port`, `unknown port "${sl.port}"`);
    if (Date.parse(sl.cutoff) > Date.parse(sl.departure)) {
      add(`sailings[${i}].cutoff`, "must be at or before the departure");
    }
  });
  s.villages.forEach((v, i) => {
    (v.pickupWindows ?? []).forEach((w, k) => {
      if (w.close <= w.open) {
        add(
          `villages[${i}].pickupWindows[${k}].close`,
          `must be after open (${w.open}); split a window that crosses midnight in two`,
        );
      }
    });
  });
  s.shipments.forEach((sh, i) => {
    if (!villages.has(sh.village)) add(`shipments[${i}].village`, `unknown village "${sh.village}"`);
  });
  if (s.horizon && Date.parse(s.horizon.end) < Date.parse(s.horizon.start)) {
    add("horizon.end", "must be at or after horizon.start");
  }

  const metric = s.travel?.metric ?? "road";
  const places: [string, { id: string; lat?: number; lon?: number; x?: number; y?: number }[]][] = [
    ["depots", s.depots],
    ["ports", s.ports],
    ["villages", s.villages],
  ];
  if (metric === "road") {
    for (const [name, list] of places) {
      list.forEach((p, i) => {
        if (p.lat === undefined) add(`${name}[${i}].lat`, 'is required when travel.metric is "road"');
        if (p.lon === undefined) add(`${name}[${i}].lon`, 'is required when travel.metric is "road"');
      });
    }
  } else if (metric === "euclidean") {
    for (const [name, list] of places) {
      list.forEach((p, i) => {
        if (p.x === undefined) add(`${name}[${i}].x`, 'is required when travel.metric is "euclidean"');
        if (p.y === undefined) add(`${name}[${i}].y`, 'is required when travel.metric is "euclidean"');
      });
    }
  } else {
    const m = s.travel?.matrix;
    if (!m) add("travel.matrix", 'is required when travel.metric is "matrix"');
    else {
      const n = m.ids.length;
      const index = new Set(m.ids);
      for (const [name, list] of places) {
        list.forEach((p, i) => {
          if (!index.has(p.id)) add(`${name}[${i}].id`, `"${p.id}" is not in travel.matrix.ids`);
        });
      }
      for (const key of ["km", "minutes"] as const) {
        const rows = m[key];
        if (!rows) continue;
        if (rows.length !== n) add(`travel.matrix.${key}`, `must have ${n} rows, one per id`);
        rows.forEach((row, r) => {
          if (row.length !== n) add(`travel.matrix.${key}[${r}]`, `must have ${n} columns, one per id`);
        });
      }
    }
  }
  return errors;
}
