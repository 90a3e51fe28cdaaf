import { expect } from "chai";
import { JobDeadline, MIN_SOLVE_MS, timeLeftMs } from "../../../shared/infra/planning/job-deadline.js";

describe("JobDeadline: one clock for the whole job", () => {
  const t0 = 1_800_000_000_000;

  it("puts the hard stop at the limit plus the grace", () => {
    const d = new JobDeadline(1000, 2000, t0);
    expect(d.limitAt).to.equal(t0 + 1000);
    expect(d.hardStopAt).to.equal(t0 + 3000);
    expect(d.describeLimit()).to.equal("time limit of 1 s (+2 s grace)");
    expect(new JobDeadline(500, 2500, t0).describeLimit()).to.equal("time limit of 0.5 s (+2.5 s grace)");
  });

  it("keeps a reserve for checking and storing that grows with the shipments, at most half the limit", () => {
    const d = new JobDeadline(60000, 5000, t0);
    const small = d.limitAt - d.solveBy(100);
    const big = d.limitAt - d.solveBy(20000);
    expect(small).to.be.greaterThan(0);
    expect(big).to.be.greaterThan(small);
    expect(d.limitAt - d.solveBy(10_000_000)).to.equal(30000);
  });

  it("gives the solver a work budget from the limit and the size alone, inside the time it has", () => {
    const a = new JobDeadline(10000, 5000, t0);
    const b = new JobDeadline(10000, 5000, t0 + 123_456);
    // Reproducible: the same limit and size, the same budget, whenever the job starts.
    expect(a.solveBudgetMs(300)).to.equal(b.solveBudgetMs(300));
    expect(a.solveBudgetMs(300)).to.be.lessThan(a.solveBy(300) - t0);
    expect(a.solveBudgetMs(300)).to.be.greaterThan(8000);
    expect(new JobDeadline(10, 5000, t0).solveBudgetMs(50000)).to.equal(MIN_SOLVE_MS);
  });

  it("tells the thread the time left until its hand-over, never less than a sliver", () => {
    expect(timeLeftMs(t0 + 800, t0)).to.equal(800);
    expect(timeLeftMs(t0 - 300, t0)).to.equal(MIN_SOLVE_MS);
  });

  it("reads progress as the share of the limit used, from 0 to 1", () => {
    const d = new JobDeadline(2000, 1000, t0);
    expect(d.fraction(t0)).to.equal(0);
    expect(d.fraction(t0 + 500)).to.equal(0.25);
    expect(d.fraction(t0 + 9000)).to.equal(1);
  });
});
