import { expect } from "chai";
import fc from "fast-check";
import { DateTime } from "luxon";
import { isRealDay, isRealInstant } from "../../../shared/core/model/real-instant.js";

/** What the check replaced: luxon's reading and the platform's, together. */
const reference = (s: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) &&
  DateTime.fromISO(s, { setZone: true }).isValid &&
  Number.isFinite(Date.parse(s));

const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, "0"));

describe("isRealInstant (read digit by digit)", () => {
  it("refuses the days, hours and offsets that do not exist", () => {
    for (const s of [
      "2027-02-30T20:00:00+08:00",
      "2026-02-29T10:00Z",
      "1900-02-29T00:00Z",
      "2026-13-01T00:00Z",
      "2026-00-10T00:00Z",
      "2026-04-31T00:00Z",
      "2026-01-01T25:00Z",
      "2026-01-01T24:30Z",
      "2026-01-01T10:60Z",
      "2026-01-01T10:00:60Z",
      "2026-01-01T10:00+24:00",
      "2026-01-01T10:00+05:60",
      "2026-01-01 10:00Z",
      "2026-01-01T10:00",
    ]) {
      expect(isRealInstant(s), s).to.equal(false);
    }
    for (const s of [
      "2024-02-29T10:00Z",
      "2000-02-29T00:00Z",
      "2026-12-31T23:59:59.999+09:00",
      "2026-01-01T24:00:00Z",
      "2026-06-30T07:00-23:59",
    ]) {
      expect(isRealInstant(s), s).to.equal(true);
    }
  });

  it("answers as luxon and Date.parse did together, on 20,000 near-valid strings", () => {
    const candidate = fc
      .tuple(
        fc.oneof(
          fc.constantFrom("2024", "2026", "2100", "2000", "1900", "0000"),
          two(99).map((y) => `20${y}`),
        ),
        two(14),
        two(32),
        two(25),
        two(61),
        fc.option(fc.tuple(two(61), fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: undefined })), {
          nil: undefined,
        }),
        fc.oneof(
          fc.constant("Z"),
          fc.tuple(fc.constantFrom("+", "-"), two(25), two(61)).map(([sg, h, m]) => `${sg}${h}:${m}`),
        ),
      )
      .map(([y, mo, d, h, mi, sec, off]) => {
        const seconds = sec ? `:${sec[0]}${sec[1] !== undefined ? `.${sec[1]}` : ""}` : "";
        return `${y}-${mo}-${d}T${h}:${mi}${seconds}${off}`;
      });
    fc.assert(
      fc.property(candidate, (s) => isRealInstant(s) === reference(s)),
      { numRuns: 20_000, seed: 20261129 },
    );
  });
});

describe("isRealDay (a statement's YYYY-MM-DD)", () => {
  it("refuses the days the calendar does not have, which Date.parse rolls over", () => {
    for (const d of [
      "2026-02-30",
      "2026-02-29",
      "1900-02-29",
      "2026-04-31",
      "2026-13-01",
      "2026-00-10",
      "2026-01-00",
    ]) {
      expect(isRealDay(d), d).to.equal(false);
    }
    expect(Number.isNaN(Date.parse("2026-02-30")), "the platform takes 30 February").to.equal(false);
    for (const d of ["2024-02-29", "2000-02-29", "2026-12-31", "2026-01-01"])
      expect(isRealDay(d), d).to.equal(true);
    for (const d of ["2026-1-01", "2026-01-01T00:00Z", " 2026-01-01", "20260101"])
      expect(isRealDay(d), d).to.equal(false);
  });

  it("answers as luxon does on 20,000 near-valid days", () => {
    const day = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(
        ([y, m, d]) =>
          `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
      );
    fc.assert(
      fc.property(day, (d) => isRealDay(d) === DateTime.fromISO(d, { zone: "UTC" }).isValid),
      { numRuns: 20000 },
    );
  });
});
