/**
 * The field types every Scenario record is made of, with the limits the planner and the
 * service share: what the CLI accepts in a file is exactly what the API stores, and a
 * stored value always fits its column and never overflows a sum (a weight of 1e308
 * made a plan say "weighs Infinity kg"). Every message says what is allowed.
 */
import { z } from "zod";
import { INSTANT_SHAPE, isRealInstant } from "./real-instant.js";

export { isRealInstant };

export const LIMITS = {
  /** Characters in an id (ids are primary keys and appear in URLs and manifests). */
  idLength: 100,
  /** Characters in a name, product, exporter, island, BUMDes, destination, label. */
  textLength: 200,
  /** One shipment, and one container's payload (1,000 t). */
  weightKg: 1_000_000,
  /** Volumes (benchmarks use 1e9 m3 for "no volume limit"). */
  volumeM3: 1_000_000_000,
  /** Packages of one shipment. */
  packages: 1_000_000,
  /** Containers in a fleet, on a sailing; boxes on a sailing. */
  count: 100_000,
  /** Rupiah per container, per km, per box. */
  money: 1_000_000_000_000,
  /** Loading time at one stop: at most a day. */
  serviceMinutes: 1440,
  /** Euclidean coordinates and matrix entries. */
  coordinate: 1_000_000_000,
  speedKmh: 200,
  roadFactor: 10,
  /** Entries in a list (pickup windows, destinations, product pairs, matrix ids). */
  listLength: 10_000,
} as const;

/** C0 controls and DEL: NUL breaks PostgreSQL text, the others break CSV, HTML and calendars. */
export function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}
const NO_CONTROL = "must not contain control characters (tab, line break, NUL, U+0000-U+001F, U+007F)";

/** Free text: a name, a product, an exporter. */
export const text = (max: number = LIMITS.textLength) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !hasControlCharacter(s), NO_CONTROL);

/** Text that must say something: not empty, not only spaces. */
export const nonBlank = (max: number = LIMITS.textLength) =>
  text(max).refine((s) => s.trim() !== "", "must not be blank");

export const id = nonBlank(LIMITS.idLength);

/** A finite number in [min, max]; `exclusiveMin` for quantities that must be > 0. */
function ranged(min: number, max: number, exclusiveMin: boolean) {
  const low = exclusiveMin ? `must be > ${min}` : `must be >= ${min}`;
  return z
    .number()
    .refine((v) => Number.isFinite(v) && (exclusiveMin ? v > min : v >= min), low)
    .refine((v) => !Number.isFinite(v) || v <= max, `must be <= ${max}`);
}
export const positive = (max: number) => ranged(0, max, true);
export const nonNegative = (max: number) => ranged(0, max, false);
/** A whole number in [min, max] (integer columns hold up to 2147483647). */
export const whole = (min: number, max: number) =>
  z.number().int("must be a whole number").min(min, `must be >= ${min}`).max(max, `must be <= ${max}`);

export const lat = z.number().min(-90, "must be between -90 and 90").max(90, "must be between -90 and 90");
export const lon = z
  .number()
  .min(-180, "must be between -180 and 180")
  .max(180, "must be between -180 and 180");
export const coordinate = z
  .number()
  .refine(
    (v) => Number.isFinite(v) && Math.abs(v) <= LIMITS.coordinate,
    `must be a finite number between -${LIMITS.coordinate} and ${LIMITS.coordinate}`,
  );

/**
 * ISO 8601 instant that carries an offset (`Z` or `+08:00`); a bare local time is
 * ambiguous. The date must exist: 30 February or 25:00 are refused here, not found by
 * the dashboard later.
 */
export const instant = z.string().superRefine((s, ctx) => {
  if (s.length > 40 || !INSTANT_SHAPE.test(s)) {
    ctx.addIssue({
      code: "custom",
      message: "must be an ISO 8601 instant with an offset, e.g. 2026-12-02T12:00:00+08:00",
    });
  } else if (!isRealInstant(s)) {
    ctx.addIssue({
      code: "custom",
      message:
        "is not a real date and time (check the day of the month and the hour), e.g. 2026-12-02T12:00:00+08:00",
    });
  }
});

/** Local clock time "HH:mm" (24:00 allowed as the end of a day). */
export const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a local time "HH:mm" between 00:00 and 24:00');

export const timeZone = z
  .string()
  .max(64, "must be an IANA time zone such as Asia/Jakarta, Asia/Makassar or Asia/Jayapura")
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "must be an IANA time zone such as Asia/Jakarta, Asia/Makassar or Asia/Jayapura");

/** A list with at most LIMITS.listLength entries. */
export const list = <T extends z.ZodType>(item: T) =>
  z.array(item).max(LIMITS.listLength, `must have at most ${LIMITS.listLength} entries`);
