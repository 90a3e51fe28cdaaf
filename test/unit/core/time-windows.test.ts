/**
 * Daily pickup windows in the village's own zone (WIB +7, WITA +8, WIT +9): the earliest
 * instant >= t inside a window, worked out by hand. Times are minutes since the epoch.
 */
import { expect } from "chai";
import {
  clockToMinutes,
  compileWindows,
  earliestInWindow,
  fixedOffset,
} from "../../../shared/core/rules/time-windows.js";

const min = (iso: string) => Date.parse(iso) / 60000;
const FROM = min("2026-12-07T00:00:00+07:00");
const TO = min("2026-12-14T00:00:00+07:00");
const workday = [
  { open: "08:00", close: "12:00" },
  { open: "13:00", close: "16:00" },
];

describe("compileWindows / earliestInWindow", () => {
  it("reads HH:mm as minutes of the local day (24:00 is the end of the day)", () => {
    expect(clockToMinutes("08:30")).to.equal(510);
    expect(clockToMinutes("24:00")).to.equal(1440);
  });

  it("compiles sorted windows and the zone's fixed offset: WIB 420, WITA 480, WIT 540", () => {
    const w = compileWindows([workday[1], workday[0]], "Asia/Jakarta", FROM, TO);
    expect(w.windows).to.deep.equal([
      [480, 720],
      [780, 960],
    ]);
    expect(w.offsetMin).to.equal(420);
    expect(compileWindows(workday, "Asia/Makassar", FROM, TO).offsetMin).to.equal(480);
    expect(compileWindows(workday, "Asia/Jayapura", FROM, TO).offsetMin).to.equal(540);
    expect(compileWindows(undefined, "Asia/Jakarta", FROM, TO).windows).to.equal(null);
  });

  it("no windows: any time", () => {
    const w = compileWindows(undefined, "Asia/Jakarta", FROM, TO);
    expect(earliestInWindow(w, min("2026-12-07T03:17:00+07:00"))).to.equal(min("2026-12-07T03:17:00+07:00"));
  });

  it("WIB: waits for the opening, stays inside, jumps the lunch gap, and closes inclusive", () => {
    const w = compileWindows(workday, "Asia/Jakarta", FROM, TO);
    const at = (hhmm: string) => earliestInWindow(w, min(`2026-12-07T${hhmm}:00+07:00`));
    expect(at("05:00")).to.equal(min("2026-12-07T08:00:00+07:00"));
    expect(at("10:00")).to.equal(min("2026-12-07T10:00:00+07:00"));
    expect(at("12:00")).to.equal(min("2026-12-07T12:00:00+07:00"));
    expect(at("12:30")).to.equal(min("2026-12-07T13:00:00+07:00"));
    expect(at("16:30")).to.equal(min("2026-12-08T08:00:00+07:00"));
  });

  it("WITA: the same clock times are one hour earlier in UTC than in WIB", () => {
    const w = compileWindows(workday, "Asia/Makassar", FROM, TO);
    // 06:30 WIB = 07:30 WITA -> opens at 08:00 WITA = 07:00 WIB
    expect(earliestInWindow(w, min("2026-12-07T06:30:00+07:00"))).to.equal(min("2026-12-07T07:00:00+07:00"));
    // 07:30 WIB = 08:30 WITA: already open
    expect(earliestInWindow(w, min("2026-12-07T07:30:00+07:00"))).to.equal(min("2026-12-07T07:30:00+07:00"));
  });

  it("WIT: 05:00 WIB = 07:00 WIT waits until 08:00 WIT = 23:00Z the day before", () => {
    const w = compileWindows(workday, "Asia/Jayapura", FROM, TO);
    expect(earliestInWindow(w, min("2026-12-07T05:00:00+07:00"))).to.equal(min("2026-12-06T23:00:00Z"));
  });

  it("across midnight: after the last close, the next local day's first opening (the UTC date differs)", () => {
    const w = compileWindows([{ open: "06:00", close: "18:00" }], "Asia/Jayapura", FROM, TO);
    // 23:00 WIT on the 7th (14:00Z) -> 06:00 WIT on the 8th, which is still the 7th in UTC (21:00Z)
    expect(earliestInWindow(w, min("2026-12-07T23:00:00+09:00"))).to.equal(min("2026-12-07T21:00:00Z"));
    // just after local midnight: the same local day's opening
    expect(earliestInWindow(w, min("2026-12-08T00:30:00+09:00"))).to.equal(min("2026-12-08T06:00:00+09:00"));
  });

  it("an evening window up to 24:00 takes a late arrival the same night", () => {
    const w = compileWindows([{ open: "22:00", close: "24:00" }], "Asia/Makassar", FROM, TO);
    expect(earliestInWindow(w, min("2026-12-07T23:30:00+08:00"))).to.equal(min("2026-12-07T23:30:00+08:00"));
    expect(earliestInWindow(w, min("2026-12-07T21:00:00+08:00"))).to.equal(min("2026-12-07T22:00:00+08:00"));
  });

  it("a zone with daylight saving has no fixed offset and is read per instant", () => {
    const from = min("2026-03-20T00:00:00Z");
    const to = min("2026-03-31T00:00:00Z");
    expect(fixedOffset("Europe/Amsterdam", from, to)).to.equal(null);
    const w = compileWindows([{ open: "08:00", close: "09:00" }], "Europe/Amsterdam", from, to);
    expect(w.offsetMin).to.equal(null);
    // 30 March is summer time (+02:00): 08:00 local = 06:00Z
    expect(earliestInWindow(w, min("2026-03-30T05:00:00Z"))).to.equal(min("2026-03-30T06:00:00Z"));
  });
});
