/**
 * The data-writing scripts answer a mistyped flag as `npm run plan` does: one line naming
 * the flag, the usage, exit code 2; no stack trace (they used to throw from node:util).
 */
import { spawnSync } from "node:child_process";
import { expect } from "chai";
import { REPO } from "./run-cli.js";

const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", script, ...args], { cwd: REPO, encoding: "utf8" });

describe("cli: the scenario generators' flags", function () {
  this.timeout(60_000);
  const cases: [string, string[], string][] = [
    ["scripts/make-national-scenario.ts", ["--bogus"], "error: Unknown option '--bogus'"],
    [
      "scripts/make-national-scenario.ts",
      ["--villages", "0"],
      'error: --villages must be a whole number >= 1, got "0"',
    ],
    [
      "scripts/make-national-scenario.ts",
      ["--shipments", "lots"],
      'error: --shipments must be a whole number >= 0, got "lots"',
    ],
    ["scripts/make-demo-scenario.ts", ["--seed", "x"], 'error: --seed must be a whole number >= 0, got "x"'],
    ["scripts/make-demo-scenario.ts", ["--sead", "1"], "error: Unknown option '--sead'"],
  ];
  for (const [script, args, first] of cases) {
    it(`${script} ${args.join(" ")}: one line and the usage, exit code 2`, () => {
      const r = run(script, args);
      expect(r.status).to.equal(2);
      const lines = r.stderr.trim().split("\n");
      expect(lines).to.have.length(2);
      expect(lines[0]).to.equal(first);
      expect(lines[1]).to.match(/^usage: npm run (national|demo):scenario -- \[--seed N\]/);
      expect(r.stdout).to.equal("");
    });
  }
});
