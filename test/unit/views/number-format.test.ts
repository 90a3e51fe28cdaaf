import { expect } from "chai";
import {
  formatDuration,
  formatIdr,
  formatKg,
  formatM3,
  formatNumber,
  formatPercent,
} from "../../../shared/views/number-format.js";

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("views/number-format", () => {
  it("writes numbers with the reader's separators", () => {
    expect(formatNumber(1234.5, "id")).to.equal("1.234,5");
    expect(formatNumber(1234.5, "en")).to.equal("1,234.5");
    expect(formatKg(2500, "id")).to.equal("2.500 kg");
    expect(formatM3(1.5, "en")).to.equal("1.5 m³");
  });

  it("writes rupiah as whole amounts", () => {
    expect(nbsp(formatIdr(1500000, "id"))).to.equal("Rp 1.500.000");
    expect(nbsp(formatIdr(1500000.4, "en"))).to.match(/^IDR 1,500,000$/);
  });

  it("writes fill as a percentage without clamping an overfull value", () => {
    expect(nbsp(formatPercent(0.6667, "en"))).to.equal("67%");
    expect(nbsp(formatPercent(1.2, "id"))).to.equal("120%");
  });

  it("keeps the two largest units of a duration", () => {
    expect(formatDuration(2 * 1440 + 4 * 60 + 5, "id")).to.equal("2 hari 4 jam");
    expect(formatDuration(65, "en")).to.equal("1 h 5 min");
    expect(formatDuration(0, "en")).to.equal("0 min");
  });
});
