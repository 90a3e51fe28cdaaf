import { expect } from "chai";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { csvField, toCsv } from "../../../shared/views/csv.js";

describe("views/csv", () => {
  it("quotes only what needs quoting and doubles inner quotes (RFC 4180)", () => {
    expect(csvField("plain")).to.equal("plain");
    expect(csvField("a,b")).to.equal('"a,b"');
    expect(csvField('say "hi"')).to.equal('"say ""hi"""');
    expect(csvField("two\nlines")).to.equal('"two\nlines"');
    expect(csvField(undefined)).to.equal("");
    expect(csvField(-12.5)).to.equal("-12.5");
  });

  it("ends every record with CRLF", () => {
    expect(toCsv(["a", "b"], [[1, "x"]])).to.equal("a,b\r\n1,x\r\n");
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvField('=HYPERLINK("http://x")')).to.equal('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("+62 812")).to.equal("'+62 812");
    expect(csvField("@SUM(A1)")).to.equal("'@SUM(A1)");
  });

  it("round-trips any table through a standard CSV parser", () => {
    const cell = fc.string({ unit: "grapheme", maxLength: 12 }).filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 6 }), (rows) => {
        const text = toCsv(["h1", "h2"], rows);
        const parsed = parse(text, {
          relax_column_count: false,
          skip_empty_lines: false,
          record_delimiter: "\r\n",
        });
        expect(parsed).to.deep.equal([["h1", "h2"], ...rows]);
      }),
      { numRuns: 300 },
    );
  });
});
