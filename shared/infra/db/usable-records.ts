/**
 * Which stored records a planning run can use, by the core's own rules (the ones the
 * API checks writes with), and why the others are left out. A record stored before a
 * rule existed must not block the run for everyone: it is listed, the rest is planned.
 * What depends on a record left out goes with it: a village's shipments, a port's
 * sailings, a container type's place in a depot's fleet.
 */
import { type PlanningSettings, planningSettingsSchema } from "../../contracts/resources.schemas.js";
import {
  type FieldError,
  metricOf,
  type RecordContext,
  type RecordKind,
  recordErrors,
  zodErrors,
} from "../../core/model/record-rules.js";
import {
  type BoxType,
  boxTypeSchema,
  type ContainerType,
  type Depot,
  type Port,
  type Sailing,
  type Shipment,
  type Village,
} from "../../core/model/scenario.js";

/** A shipment's unassigned reason when it is stored in a form no plan can use (not a Plan reason). */
export const INVALID_REASON = "INVALID";

/** A stored record a run left out, and what is wrong with it (paths relative to the record). */
export interface SkippedRecord {
  /** "village", "shipment", "sailing", "port", "depot", "container type", "box type", "settings". */
  record: string;
  id: string;
  errors: FieldError[];
}

const SETTING_KEYS = ["objective", "travel", "rules"] as const;

/** The stored planning settings a run can use; a key it cannot use falls back to the default. */
export function usableSettings(stored: unknown): { defaults: PlanningSettings; skipped: SkippedRecord[] } {
  const value = stored !== null && typeof stored === "object" ? (stored as Record<string, unknown>) : {};
  const defaults: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const key of SETTING_KEYS) {
    if (value[key] === undefined) continue;
    const parsed = planningSettingsSchema.shape[key].safeParse(value[key]);
    if (parsed.success) defaults[key] = parsed.data;
    else
      errors.push(
        ...zodErrors(parsed.error, [key]).map((e) => ({
          ...e,
          message: `${e.message}; planned with the default instead`,
        })),
      );
  }
  return {
    defaults: defaults as PlanningSettings,
    skipped: errors.length > 0 ? [{ record: "settings", id: "planning", errors }] : [],
  };
}

export interface Records {
  containerTypes: ContainerType[];
  boxTypes: BoxType[];
  depots: Depot[];
  ports: Port[];
  sailings: Sailing[];
  villages: Village[];
  shipments: Shipment[];
}

/** The records a run can use under these settings, and those it leaves out with why. */
export function usableRecords(
  settings: PlanningSettings,
  records: Records,
): Records & { skipped: SkippedRecord[] } {
  const context: RecordContext = { metric: metricOf(settings.travel) };
  const skipped: SkippedRecord[] = [];
  const skip = (record: string, id: string, errors: FieldError[]) => skipped.push({ record, id, errors });
  const keep = <T extends { id: string }>(kind: RecordKind, record: string, list: T[]): T[] =>
    list.filter((item) => {
      const errors = recordErrors(kind, item, context);
      if (errors.length > 0) skip(record, String(item.id), errors);
      return errors.length === 0;
    });
  const whyLeftOut = (record: string, id: string) => {
    const first = skipped.find((s) => s.record === record && s.id === id)?.errors[0];
    return first ? `: ${first.path} ${first.message}` : "";
  };

  const containerTypes = keep("containerTypes", "container type", records.containerTypes);
  const boxTypes = records.boxTypes.filter((b) => {
    const parsed = boxTypeSchema.safeParse(b);
    if (!parsed.success) skip("box type", String(b.id), zodErrors(parsed.error));
    return parsed.success;
  });
  const typeIds = new Set(containerTypes.map((t) => t.id));
  const depots = keep("depots", "depot", records.depots).map((d) => {
    const gone = Object.keys(d.fleet ?? {}).filter((t) => !typeIds.has(t));
    if (gone.length === 0) return d;
    skip(
      "depot",
      d.id,
      gone.map((t) => ({
        path: `fleet.${t}`,
        message: `container type "${t}" is left out${whyLeftOut("container type", t) || " (not registered)"}; the depot plans without it`,
      })),
    );
    return { ...d, fleet: Object.fromEntries(Object.entries(d.fleet ?? {}).filter(([t]) => typeIds.has(t))) };
  });
  const ports = keep("ports", "port", records.ports);
  const portIds = new Set(ports.map((p) => p.id));
  const sailings = keep("sailings", "sailing", records.sailings).filter((s) => {
    if (portIds.has(s.port)) return true;
    skip("sailing", s.id, [
      { path: "port", message: `port "${s.port}" is left out${whyLeftOut("port", s.port)}` },
    ]);
    return false;
  });
  const villages = keep("villages", "village", records.villages);
  const villageIds = new Set(villages.map((v) => v.id));
  const shipments = keep("shipments", "shipment", records.shipments).filter((s) => {
    if (villageIds.has(s.village)) return true;
    skip("shipment", s.id, [
      { path: "village", message: `village "${s.village}" is left out${whyLeftOut("village", s.village)}` },
    ]);
    return false;
  });
  return { containerTypes, boxTypes, depots, ports, sailings, villages, shipments, skipped };
}
