import { expect } from "chai";
import fc from "fast-check";
import { DateTime } from "luxon";
import {
  formatLocalDate,
  formatLocalDateTime,
  formatLocalTime,
  minutesBetween,
  zoneLabel,
} from "../../../shared/views/local-time.js";

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("views/local-time", () => {
  it("names Indonesia's zones WIB, WITA and WIT, not luxon's GMT+n", () => {
    const at = "2026-12-28T08:00:00+08:00";
    expect(zoneLabel("Asia/Jakarta", at)).to.equal("WIB");
    expect(zoneLabel("Asia/Pontianak", at)).to.equal("WIB");
    expect(zoneLabel("Asia/Makassar", at)).to.equal("WITA");
    expect(zoneLabel("Asia/Jayapura", at)).to.equal("WIT");
    expect(DateTime.fromISO(at).setZone("Asia/Makassar").offsetNameShort).to.not.equal("WITA");
  });

  it("falls back to the instant's own offset when a place has no zone", () => {
    expect(zoneLabel(undefined, "2026-12-28T08:00:00+08:00")).to.equal("UTC+8");
    expect(zoneLabel(undefined, "2026-12-28T08:00:00Z")).to.equal("UTC");
    expect(formatLocalTime("2026-12-28T08:00:00+08:00", undefined, "en")).to.equal("08:00");
  });

  it("shows one instant in each village's own clock", () => {
    const at = "2026-12-28T08:00:00+08:00"; // 07:00 WIB, 08:00 WITA, 09:00 WIT
    expect(nbsp(formatLocalDateTime(at, "Asia/Jakarta", "id"))).to.equal("Sen, 28 Des 2026 07.00 WIB");
    expect(nbsp(formatLocalDateTime(at, "Asia/Makassar", "id"))).to.equal("Sen, 28 Des 2026 08.00 WITA");
    expect(nbsp(formatLocalDateTime(at, "Asia/Jayapura", "en"))).to.equal("Mon, 28 Dec 2026 09:00 WIT");
  });

  it("moves the date across midnight with the zone", () => {
    const at = "2026-12-28T23:30:00+07:00"; // 29 Dec 01:30 WIT
    expect(formatLocalDate(at, "Asia/Jakarta", "en")).to.equal("Mon, 28 Dec 2026");
    expect(formatLocalDate(at, "Asia/Jayapura", "en")).to.equal("Tue, 29 Dec 2026");
    expect(formatLocalTime(at, "Asia/Jayapura", "id")).to.equal("01.30");
  });

  it("prints the hour that UTC plus the zone's fixed offset gives, for any instant", () => {
    const offsets: Record<string, number> = {
      "Asia/Jakarta": 7,
      "Asia/Pontianak": 7,
      "Asia/Makassar": 8,
      "Asia/Jayapura": 9,
    };
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom(...Object.keys(offsets)),
        (ms, zone) => {
          const instant = new Date(ms).toISOString();
          const local = new Date(ms + offsets[zone] * 3600_000);
          const expected = `${String(local.getUTCHours()).padStart(2, "0")}:${String(local.getUTCMinutes()).padStart(2, "0")}`;
          expect(formatLocalTime(instant, zone, "en")).to.equal(expected);
          expect(formatLocalTime(instant, zone, "id")).to.equal(expected.replace(":", "."));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("counts whole minutes between instants written in different offsets", () => {
    expect(minutesBetween("2026-12-28T09:00:00+07:00", "2026-12-28T12:30:00+08:00")).to.equal(150);
    expect(minutesBetween("2026-12-28T12:30:00+08:00", "2026-12-28T09:00:00+07:00")).to.equal(-150);
  });

  it("refuses text that is not an instant instead of printing Invalid DateTime", () => {
    expect(() => formatLocalDateTime("tomorrow", "Asia/Jakarta", "id")).to.throw(/not an ISO 8601 instant/);
  });
});
