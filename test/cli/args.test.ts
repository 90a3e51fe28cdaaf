import { expect } from "chai";
import { DEFAULT_SEED, DEFAULT_TIME_LIMIT_S, parsePlanArgs } from "../../scripts/cli/args.js";

describe("cli/args: npm run plan flags", () => {
  it("defaults to a 5 s time limit and seed 1, plan to stdout", () => {
    expect(DEFAULT_TIME_LIMIT_S).to.equal(5);
    expect(DEFAULT_SEED).to.equal(1);
    expect(parsePlanArgs(["s.json"])).to.deep.equal({
      ok: true,
      args: {
        scenarioPath: "s.json",
        outPath: undefined,
        timeLimitS: 5,
        seed: 1,
        threads: 2,
        noClockStop: false,
      },
    });
  });

  it("reads --out, --time-limit and --seed in either form and any order", () => {
    expect(parsePlanArgs(["--seed=7", "s.json", "--out", "p.json", "--time-limit", "2.5"])).to.deep.equal({
      ok: true,
      args: {
        scenarioPath: "s.json",
        outPath: "p.json",
        timeLimitS: 2.5,
        seed: 7,
        threads: 2,
        noClockStop: false,
      },
    });
    expect(parsePlanArgs(["s.json", "--threads", "1"])).to.deep.include({ ok: true });
    const one = parsePlanArgs(["s.json", "--threads", "1"]);
    expect(one.ok && "args" in one && one.args.threads).to.equal(1);
    const noClock = parsePlanArgs(["s.json", "--no-clock-stop"]);
    expect(noClock.ok && "args" in noClock && noClock.args.noClockStop).to.equal(true);
  });

  const refused: [string, string[], RegExp][] = [
    ["an unknown flag", ["s.json", "--fast"], /Unknown option '--fast'/],
    ["a seed that is not a number", ["s.json", "--seed", "x1"], /--seed must be a whole number/],
    ["a fractional seed", ["s.json", "--seed", "1.5"], /--seed must be a whole number/],
    ["a negative time limit", ["s.json", "--time-limit=-1"], /--time-limit must be a positive number/],
    // after a space too: node:util alone says only that the argument is ambiguous
    [
      "a negative time limit after a space",
      ["s.json", "--time-limit", "-1"],
      /--time-limit must be a positive number of seconds, got "-1"/,
    ],
    [
      "a negative seed after a short flag",
      ["s.json", "-s", "-2"],
      /--seed must be a whole number >= 0, got "-2"/,
    ],
    [
      "a negative thread count",
      ["s.json", "--threads", "-1"],
      /--threads must be a whole number from 1 to 64/,
    ],
    ["a zero time limit", ["s.json", "--time-limit", "0"], /--time-limit must be a positive number/],
    ["a time limit with a unit", ["s.json", "--time-limit", "5s"], /--time-limit must be a positive number/],
    ["a flag without its value", ["s.json", "--out"], /argument missing/],
    ["no scenario", [], /missing SCENARIO\.json/],
    ["two scenarios", ["a.json", "b.json"], /expected one scenario file, got 2/],
    ["zero threads", ["s.json", "--threads", "0"], /--threads must be a whole number from 1 to 64/],
    ["a fractional thread count", ["s.json", "--threads", "1.5"], /--threads must be a whole number/],
  ];
  for (const [what, argv, message] of refused) {
    it(`refuses ${what}`, () => {
      const parsed = parsePlanArgs(argv);
      expect(parsed.ok).to.equal(false);
      if (!parsed.ok) expect(parsed.error).to.match(message);
    });
  }

  it("answers --help", () => {
    expect(parsePlanArgs(["--help"])).to.deep.equal({ ok: true, help: true });
  });
});
