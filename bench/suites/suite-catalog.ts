/**
 * Every benchmark suite `npm run bench -- --suite NAME` knows, as data: which parser, which
 * files, which reference values. The default three ship with the repo (`bench/data`); the
 * others are read from the shared reference data folder when it is present.
 */

import type { FleetMode } from "../convert/cvrp-to-scenario.converter.js";

export type DataRoot = "bench" | "shared";

export interface CvrpSuite {
  name: string;
  kind: "cvrp";
  root: DataRoot;
  set: string;
  description: string;
  /** Only these instances of the set. */
  only?: readonly string[];
  /** The fleet the references are for, whatever --fleet says. */
  fleet?: FleetMode;
}

export type SuiteDefinition =
  | CvrpSuite
  | { name: string; kind: "bpp-orlib"; root: DataRoot; file: string; description: string }
  | { name: string; kind: "bpp-bpplib"; root: DataRoot; folder: string; description: string }
  | { name: string; kind: "demo"; path: string; description: string }
  | { name: string; kind: "national"; seed: number; description: string };

const cvrp = (set: string, root: DataRoot, description: string): CvrpSuite => ({
  name: `cvrp-${set.toLowerCase()}`,
  kind: "cvrp",
  root,
  set,
  description,
});
const orlib = (tag: string, root: DataRoot, description: string): SuiteDefinition => ({
  name: `bpp-${tag}`,
  kind: "bpp-orlib",
  root,
  file: `falkenauer_${tag}.txt`,
  description,
});

export const SUITES: readonly SuiteDefinition[] = [
  cvrp("A", "bench", "CVRPLIB A (Augerat 1995), 27 instances, n 31-79"),
  cvrp("P", "bench", "CVRPLIB P (Augerat 1995), 23 instances, n 15-100"),
  orlib("u120", "bench", "Falkenauer uniform, 20 x 120 items, capacity 150"),
  cvrp("B", "bench", "CVRPLIB B (Augerat 1995), 23 instances, n 30-77"),
  orlib("u500", "bench", "Falkenauer uniform, 20 x 500 items, capacity 150"),
  {
    name: "demo",
    kind: "demo",
    path: "data/demo/kalimantan-week.json",
    description: "the Kalimantan demo week",
  },
  {
    name: "national",
    kind: "national",
    seed: 1,
    description:
      "a national week (scripts/national): 20,000 shipments, 2,000 villages, 16 ports and 16 depots on four islands; target at 60 s",
  },
  {
    // Rules 8 and 9: boxes used against the plan's lower bound on boxes, and the freight.
    name: "boxes",
    kind: "demo",
    path: "test/fixtures/example-scenario-boxes.json",
    description: "the spec's example week with 20 ft dry and reefer sea boxes",
  },
  cvrp("E", "shared", "CVRPLIB E (Christofides-Eilon 1969), 11 instances"),
  cvrp("F", "shared", "CVRPLIB F (Fisher 1994), 3 instances"),
  cvrp("M", "shared", "CVRPLIB M (Christofides et al. 1979), 5 instances"),
  cvrp("X", "shared", "CVRPLIB X (Uchoa et al. 2017), 100 instances, n 100-1000"),
  {
    // Issue 8's comparison set (Muatan, VROOM and HGS-CVRP side by side). X's best known
    // costs are for an unlimited fleet: its k is only the least number of routes.
    ...cvrp("X", "shared", "CVRPLIB X: the six of issue 8 (n 100-350), unlimited fleet, target at 30 s"),
    name: "cvrp-x6",
    only: ["X-n101-k25", "X-n153-k22", "X-n200-k36", "X-n256-k16", "X-n303-k21", "X-n351-k40"],
    fleet: "unlimited",
  },
  orlib("u250", "shared", "Falkenauer uniform, 20 x 250 items"),
  orlib("u1000", "shared", "Falkenauer uniform, 20 x 1000 items"),
  orlib("t60", "shared", "Falkenauer triplets, 20 x 60 items"),
  orlib("t120", "shared", "Falkenauer triplets, 20 x 120 items"),
  orlib("t249", "shared", "Falkenauer triplets, 20 x 249 items"),
  orlib("t501", "shared", "Falkenauer triplets, 20 x 501 items"),
  {
    name: "bpp-scholl-1",
    kind: "bpp-bpplib",
    root: "shared",
    folder: "scholl/scholl_1",
    description: "Scholl set 1, 720 instances",
  },
  {
    name: "bpp-scholl-2",
    kind: "bpp-bpplib",
    root: "shared",
    folder: "scholl/scholl_2",
    description: "Scholl set 2, 480 instances",
  },
  {
    name: "bpp-scholl-3",
    kind: "bpp-orlib",
    root: "bench",
    file: "scholl_hard.txt",
    description: "Scholl set 3 (HARD0-9)",
  },
  {
    name: "bpp-hard28",
    kind: "bpp-bpplib",
    root: "shared",
    folder: "hard28",
    description: "Schoenfield's Hard28",
  },
];

export const DEFAULT_SUITES = ["cvrp-a", "cvrp-p", "bpp-u120"] as const;

export function findSuite(name: string): SuiteDefinition | undefined {
  return SUITES.find((s) => s.name === name);
}
