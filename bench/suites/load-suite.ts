/**
 * Turns a suite definition into benchmark cases: finds the files, reads the reference
 * values, and defers parsing and conversion until a case runs (the X set alone is 100
 * files). A suite whose data is absent is skipped with a note, never an error: the shared
 * reference data is optional outside this machine.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { loadNationalData, makeNationalWeek } from "../../scripts/national/national-week.js";
import { bppToScenario } from "../convert/bpp-to-scenario.converter.js";
import { cvrpToScenario, type FleetMode } from "../convert/cvrp-to-scenario.converter.js";
import {
  type BinPackingInstance,
  parseBppLibInstance,
  parseOrLibraryBinPacking,
} from "../parse/bin-packing.parser.js";
import { parseCvrplib } from "../parse/cvrplib.parser.js";
import type { DataRoot, SuiteDefinition } from "./suite-catalog.js";

export type CaseKind = "cvrp" | "bpp" | "demo" | "national";

export interface BuiltCase {
  /** untrusted until `validateScenario` has read it, like any other input */
  scenario: unknown;
  notes: string[];
}

export interface BenchCase {
  suite: string;
  name: string;
  kind: CaseKind;
  /** BKS (CVRP, total distance) or optimum (bin packing, containers); null for the demo */
  reference: number | null;
  /** the reference is a proven optimum, so doing better than it means a bug */
  referenceOptimal: boolean;
  build(): BuiltCase;
}

export type LoadedSuite = { ok: true; cases: BenchCase[] } | { ok: false; note: string };

export interface DataRoots {
  repo: string;
  bench: string;
  shared: string;
}

interface ReferenceEntry {
  cost?: number;
  optimum?: number;
  optimal?: boolean;
}

const byName = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

function readJson(path: string): Record<string, ReferenceEntry> {
  return JSON.parse(readFileSync(path, "utf8")) as Record<string, ReferenceEntry>;
}

function rootOf(roots: DataRoots, root: DataRoot): string {
  return root === "bench" ? roots.bench : roots.shared;
}

export function loadSuite(
  def: SuiteDefinition,
  roots: DataRoots,
  fleet: FleetMode,
  filter?: RegExp,
): LoadedSuite {
  const keep = (name: string) => !filter || filter.test(name);

  if (def.kind === "national") {
    const name = `national-week-s${def.seed}`;
    if (!keep(name)) return { ok: true, cases: [] };
    const dataDir = join(roots.repo, "data/indonesia");
    if (!existsSync(join(dataDir, "national/villages.csv")))
      return { ok: false, note: `${dataDir}/national not found: national skipped` };
    return {
      ok: true,
      cases: [
        {
          suite: def.name,
          name,
          kind: "national",
          reference: null,
          referenceOptimal: false,
          // Through JSON, as `npm run plan` reads it: the planner gets fresh, untrusted data.
          build: () => ({
            scenario: JSON.parse(
              JSON.stringify(makeNationalWeek(loadNationalData(dataDir), { seed: def.seed })),
            ),
            notes: [],
          }),
        },
      ],
    };
  }

  if (def.kind === "demo") {
    const path = join(roots.repo, def.path);
    if (!existsSync(path))
      return { ok: false, note: `${def.path} not found (not written yet?): demo skipped` };
    const name = basename(def.path, ".json");
    if (!keep(name)) return { ok: true, cases: [] };
    return {
      ok: true,
      cases: [
        {
          suite: def.name,
          name,
          kind: "demo",
          reference: null,
          referenceOptimal: false,
          build: () => ({ scenario: JSON.parse(readFileSync(path, "utf8")), notes: [] }),
        },
      ],
    };
  }

  const base = rootOf(roots, def.root);
  if (def.kind === "cvrp") {
    const folder = join(base, "cvrplib", def.set);
    const bksPath = join(base, "cvrplib", "bks.json");
    if (!existsSync(folder) || !existsSync(bksPath))
      return { ok: false, note: `${folder} not found: ${def.name} skipped` };
    const bks = readJson(bksPath);
    const files = readdirSync(folder)
      .filter((f) => f.endsWith(".vrp"))
      .sort(byName);
    const only = def.only;
    const cases = files
      .map((file) => basename(file, ".vrp"))
      .filter((name) => (only === undefined || only.includes(name)) && keep(name))
      .map(
        (name): BenchCase => ({
          suite: def.name,
          name,
          kind: "cvrp",
          reference: bks[name]?.cost ?? null,
          referenceOptimal: bks[name]?.optimal === true,
          build: () => {
            const path = join(folder, `${name}.vrp`);
            const converted = cvrpToScenario(
              parseCvrplib(readFileSync(path, "utf8"), path),
              def.fleet ?? fleet,
            );
            return {
              scenario: converted.scenario,
              notes: converted.skipped.map((s) => `${s.id} left out: ${s.reason}`),
            };
          },
        }),
      );
    return { ok: true, cases };
  }

  const optimaPath = join(base, "binpacking", "optima.json");
  const optima = existsSync(optimaPath) ? readJson(optimaPath) : {};
  const bppCase = (
    suite: string,
    name: string,
    load: () => BinPackingInstance,
    stated?: number,
  ): BenchCase => ({
    suite,
    name,
    kind: "bpp",
    // optima.json holds proven optima; a file header can be stale (OR-Library u120_08).
    reference: optima[name]?.optimum ?? stated ?? null,
    referenceOptimal: optima[name]?.optimum !== undefined,
    build: () => ({ scenario: bppToScenario(load()), notes: [] }),
  });

  if (def.kind === "bpp-orlib") {
    const path = join(base, "binpacking", def.file);
    if (!existsSync(path)) return { ok: false, note: `${path} not found: ${def.name} skipped` };
    // One file holds the whole suite, so it is parsed up front (small: at most 20 instances).
    const instances = parseOrLibraryBinPacking(readFileSync(path, "utf8"), path);
    const cases = instances
      .filter((inst) => keep(inst.name))
      .map((inst) => bppCase(def.name, inst.name, () => inst, inst.statedOptimum));
    return { ok: true, cases };
  }

  const folder = join(base, "binpacking", def.folder);
  if (!existsSync(folder)) return { ok: false, note: `${folder} not found: ${def.name} skipped` };
  const cases = readdirSync(folder)
    .filter((f) => f.endsWith(".txt"))
    .sort(byName)
    .map((file) => basename(file, ".txt"))
    .filter(keep)
    .map((name) =>
      bppCase(def.name, name, () => {
        const path = join(folder, `${name}.txt`);
        return parseBppLibInstance(readFileSync(path, "utf8"), name, path);
      }),
    );
  return { ok: true, cases };
}
