/**
 * Local search alone, from the same first solution to its local optimum (no work cap): its
 * CPU time and the work units it counted, on CVRPLIB X instances (untimed) and a national
 * week of 800 shipments, one planning part's size (timed: windows, readyAt, cut-offs,
 * sailing places). Issue 8's figure for the local-search rework: run it on both sides of a
 * change, under the measurement lock.
 *
 *   npx tsx bench/ls-descent.ts [--repeat 3]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadNationalData, makeNationalWeek } from "../scripts/national/national-week.js";
import { insertJobs } from "../shared/core/construct/insertion.js";
import type { Scenario } from "../shared/core/model/scenario.js";
import { validateScenario } from "../shared/core/model/validate.js";
import { compileProblem } from "../shared/core/problem/compile.js";
import { Budget } from "../shared/core/search/budget.js";
import { sortHeaviestFirst } from "../shared/core/search/insertion-order.js";
import { localSearch } from "../shared/core/search/local-search.js";
import { Random } from "../shared/core/search/random.js";
import { Solution } from "../shared/core/search/solution.js";
import { searchParams } from "../shared/core/solve.js";
import { cvrpToScenario } from "./convert/cvrp-to-scenario.converter.js";
import { parseCvrplib } from "./parse/cvrplib.parser.js";

const { values } = parseArgs({ options: { repeat: { type: "string" }, shared: { type: "string" } } });
const repeat = Number(values.repeat ?? 3);
const shared = values.shared ?? "/work/shared/data";

function cvrp(name: string): Scenario {
  const file = join(shared, "cvrplib/X", `${name}.vrp`);
  return cvrpToScenario(parseCvrplib(readFileSync(file, "utf8"), file), "unlimited").scenario;
}

function national(): Scenario {
  return makeNationalWeek(loadNationalData("data/indonesia"), { seed: 1, shipments: 800, villages: 80 });
}

const cases: [string, () => Scenario][] = [
  ["X-n256-k16", () => cvrp("X-n256-k16")],
  ["X-n351-k40", () => cvrp("X-n351-k40")],
  ["national 800", national],
];

for (const [name, build] of cases) {
  const valid = validateScenario(JSON.parse(JSON.stringify(build())));
  if (!valid.ok) throw new Error(`${name}: invalid scenario`);
  const { problem } = compileProblem(valid.scenario);
  const start = new Solution(problem, searchParams(problem));
  const order = sortHeaviestFirst(
    problem,
    problem.jobs.map((j) => j.index),
  );
  insertJobs(start, order, new Random(1), new Budget(1000, 1e9, undefined), 0);
  const cpu: number[] = [];
  let units = 0;
  let cost = 0;
  for (let r = 0; r < repeat; r++) {
    const sol = start.clone();
    // An iteration budget leaves the work uncapped: the descent ends at its local optimum.
    const budget = new Budget(1000, 1e9, undefined);
    const before = process.cpuUsage();
    localSearch(sol, budget, 1);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
    units = budget.work;
    cost = sol.cost();
  }
  cpu.sort((a, b) => a - b);
  const ms = cpu[Math.floor(cpu.length / 2)];
  process.stdout.write(
    `${name.padEnd(14)} routes ${String(start.routes.length).padStart(4)}  cost ${start.cost().toFixed(0)} -> ${cost.toFixed(0)}  ` +
      `CPU ${ms.toFixed(0)} ms (median of ${repeat})  units ${(units / 1e6).toFixed(2)}M  ns/unit ${((ms * 1e6) / units).toFixed(1)}\n`,
  );
}
