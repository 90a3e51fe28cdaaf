import { expect } from "chai";
import { parseBenchArgs } from "../../../bench/cli/bench-args.js";

const TODAY = "2026-12-02";

describe("bench: command-line flags", () => {
  it("defaults to the three target suites, 2 s, seed 1, fleet k, 2 threads, a dated result file", () => {
    const parsed = parseBenchArgs([], TODAY);
    if (!parsed.ok || "help" in parsed) throw new Error("expected args");
    expect(parsed.args).to.deep.include({
      suites: ["cvrp-a", "cvrp-p", "bpp-u120"],
      timeLimitS: 2,
      seed: 1,
      fleet: "k",
      outPath: "bench/results/2026-12-02.json",
      noClockStop: false,
      threads: 2,
    });
    expect(parsed.args.filter).to.equal(undefined);
  });

  it("reads every flag", () => {
    const parsed = parseBenchArgs(
      [
        "--suite",
        "cvrp-x, demo",
        "--time-limit",
        "0.5",
        "--seed",
        "7",
        "--filter",
        "n1[0-9]{2}-",
        "--fleet",
        "unlimited",
        "--out",
        "r.json",
        "--no-clock-stop",
        "--threads",
        "1",
      ],
      TODAY,
    );
    if (!parsed.ok || "help" in parsed) throw new Error("expected args");
    expect(parsed.args).to.deep.include({
      suites: ["cvrp-x", "demo"],
      timeLimitS: 0.5,
      seed: 7,
      fleet: "unlimited",
      outPath: "r.json",
      noClockStop: true,
      threads: 1,
    });
    expect(parsed.args.filter?.test("X-n101-k25")).to.equal(true);
    expect(parsed.args.filter?.test("X-n1001-k43")).to.equal(false);
  });

  it("refuses what it cannot honour, naming the flag", () => {
    const error = (argv: string[]) => {
      const parsed = parseBenchArgs(argv, TODAY);
      return parsed.ok ? "" : parsed.error;
    };
    expect(error(["--suite", "cvrp-a,cvrp-z"])).to.match(
      /--suite: unknown suite\(s\) "cvrp-z"; known: cvrp-a/,
    );
    expect(error(["--time-limit", "2s"])).to.match(/--time-limit must be a positive number/);
    expect(error(["--time-limit", "0"])).to.match(/--time-limit/);
    expect(error(["--seed", "1.5"])).to.match(/--seed must be a whole number/);
    // a negative number after a space: the number's own message, not node:util's "ambiguous"
    expect(error(["--seed", "-1"])).to.equal('--seed must be a whole number >= 0, got "-1"');
    expect(error(["--time-limit", "-3"])).to.match(
      /--time-limit must be a positive number of seconds, got "-3"/,
    );
    expect(error(["--iterations", "-5"])).to.match(/--iterations must be a whole number >= 1, got "-5"/);
    expect(error(["--filter", "("])).to.match(/--filter is not a regular expression/);
    expect(error(["--fleet", "5"])).to.match(/--fleet must be k or unlimited, got "5"/);
    expect(error(["--threads", "0"])).to.match(/--threads/);
    expect(error(["--bogus"])).to.match(/bogus/);
    expect(error(["A-n32-k5"])).to.match(/unexpected argument "A-n32-k5"/);
    expect(error(["--iterations", "0"])).to.match(/--iterations must be a whole number >= 1, got "0"/);
    expect(error(["--iterations", "1e4"])).to.match(/--iterations must be a whole number/);
    expect(error(["--iterations", "100", "--threads", "2"])).to.match(/--iterations runs one search a case/);
    expect(error(["--iterations", "100", "--suite", "national"])).to.match(/national suite .* time budget/);
  });

  it("runs a budget of iterations on one thread: the same plans at any speed", () => {
    const parse = (argv: string[]) => {
      const parsed = parseBenchArgs(argv, TODAY);
      if (!parsed.ok || "help" in parsed) throw new Error("expected args");
      return parsed.args;
    };
    expect(parse(["--iterations", "300000"])).to.deep.include({ iterations: 300_000, threads: 1 });
    expect(parse(["--iterations", "20", "--threads", "1"])).to.deep.include({ iterations: 20, threads: 1 });
    expect(parse([]).iterations).to.equal(undefined);
  });
});
