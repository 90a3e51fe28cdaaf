import { spawnSync } from "node:child_process";
import { statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { ensureSolverBundle, OUT, staleBundleError } from "../../../shared/infra/solver-bundle/build.cjs";

/**
 * A bundle started directly (`node dist/solver/bench.cjs`, as for a CPU profile) is not rebuilt
 * by anything: after an edit it must refuse to run rather than measure the code of the last build.
 */
describe("the compiled solver started directly", () => {
  const root = join(OUT, "../..");
  // An input of every bundle: the solver's entry.
  const source = join(root, "shared/core/solve.ts");

  before(() => ensureSolverBundle());

  it("runs when its sources have not changed since the build", () => {
    const run = spawnSync(process.execPath, [join(OUT, "plan.cjs"), "--help"], { encoding: "utf8" });
    expect(run.stderr).to.equal("");
    expect(run.status).to.equal(0);
    expect(run.stdout).to.match(/npm run plan/);
  });

  it("refuses with exit code 2 and says what changed after a source was edited", () => {
    const { atime, mtimeMs } = statSync(source);
    try {
      utimesSync(source, atime, new Date(mtimeMs + 60_000));
      const run = spawnSync(process.execPath, [join(OUT, "plan.cjs"), "--help"], { encoding: "utf8" });
      expect(run.status).to.equal(2);
      expect(run.stdout).to.equal("");
      expect(run.stderr).to.match(/plan\.cjs is older than its sources \(shared\/core\/solve\.ts changed\)/);
      expect(run.stderr).to.match(/run `npm run build` first/);
    } finally {
      utimesSync(source, atime, mtimeMs / 1000);
    }
    expect(staleBundleError(join(OUT, "plan.cjs"))).to.equal(undefined);
  });

  it("never judges code run from its TypeScript sources", () => {
    expect(staleBundleError(join(root, "scripts/plan.ts"))).to.equal(undefined);
    expect(staleBundleError(undefined)).to.equal(undefined);
  });
});
