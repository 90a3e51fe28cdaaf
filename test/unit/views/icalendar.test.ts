import { expect } from "chai";
import fc from "fast-check";
import { escapeText, foldLine, toICalendar, utcStamp } from "../../../shared/views/icalendar.js";
import { pickupsToICalendar } from "../../../shared/views/pickup-export.js";
import { pickupRows } from "../../../shared/views/pickup-schedule.js";
import { fixturePlan, fixtureScenario } from "./fixtures.js";

const octets = (s: string) => new TextEncoder().encode(s).length;
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, "");

describe("views/icalendar", () => {
  it("escapes backslash, semicolon, comma and newlines in TEXT", () => {
    expect(escapeText("a\\b;c,d\ne")).to.equal("a\\\\b\\;c\\,d\\ne");
  });

  it("writes DATE-TIME in UTC", () => {
    expect(utcStamp("2026-12-28T08:00:00+09:00")).to.equal("20261227T230000Z");
  });

  it("folds at 75 octets without splitting a UTF-8 character, and unfolds to the original", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 0, maxLength: 300 }), (text) => {
        const line = `DESCRIPTION:${text.replace(/[\r\n]/g, "")}`;
        const folded = foldLine(line);
        for (const physical of folded.split("\r\n")) expect(octets(physical)).to.be.at.most(75);
        expect(unfold(folded)).to.equal(line);
      }),
      { numRuns: 300 },
    );
  });

  it("makes a calendar a phone imports: one VEVENT per pickup, CRLF only, UTC times", () => {
    const rows = pickupRows(fixturePlan(), fixtureScenario(), { village: "vB" });
    const ics = pickupsToICalendar(rows, "id", "2026-12-20T10:00:00+07:00", "Desa Tumbang; Hilir");
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")).to.equal(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).to.equal(true);
    expect(ics.replace(/\r\n/g, "")).to.not.match(/[\r\n]/);
    for (const line of ics.split("\r\n")) expect(octets(line)).to.be.at.most(75);
    const text = unfold(ics);
    expect(text.match(/BEGIN:VEVENT/g)).to.have.length(1);
    expect(text).to.include("UID:C1-2-vB@muatan");
    expect(text).to.include("DTSTAMP:20261220T030000Z");
    expect(text).to.include("DTSTART:20261228T020000Z"); // 09:00 WIB
    expect(text).to.include("DTEND:20261228T023000Z");
    expect(text).to.include("SUMMARY:Penjemputan Desa Tumbang\\; Hilir: kontainer C1");
    expect(text).to.include("X-WR-CALNAME:Jadwal penjemputan Muatan: Desa Tumbang\\; Hilir");
    const description = text.split("\r\n").find((l) => l.startsWith("DESCRIPTION:"));
    expect(description).to.include("09.00 WIB");
    expect(description).to.include("S2 · banana-flour · 4 koli · 800 kg");
    expect(description).to.include("Kontainer: C1 (C3T)");
    expect(text).to.include("GEO:-2.9;114.2");
  });

  it("omits DTEND for a pickup with no loading time rather than writing an empty event", () => {
    const ics = toICalendar(
      [{ uid: "x", start: "2026-12-28T08:00:00+09:00", end: "2026-12-28T08:00:00+09:00", summary: "s" }],
      {
        dtstamp: "2026-12-20T00:00:00Z",
      },
    );
    expect(ics).to.include("DTSTART:20261227T230000Z");
    expect(ics).to.not.include("DTEND");
  });
});
