/**
 * Writes a national week scenario (see scripts/national/national-week.ts):
 *
 *   npm run national:scenario -- [--seed 1] [--shipments 20000] [--villages 2000] [--out FILE]
 *
 * Deterministic: the same flags write the same bytes. Without --out the scenario goes to
 * standard output.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { validateScenario } from "../shared/core/model/validate.js";
import { flagsOrExit, wholeFlag } from "./cli/script-flags.js";
import { loadNationalData, makeNationalWeek } from "./national/national-week.js";

const ROOT = resolve(__dirname, "..");

const USAGE = "usage: npm run national:scenario -- [--seed N] [--shipments N] [--villages N] [--out FILE]";

function main(): number {
  const flags = flagsOrExit(USAGE, () => {
    const { values } = parseArgs({
      options: {
        seed: { type: "string" },
        shipments: { type: "string" },
        villages: { type: "string" },
        out: { type: "string" },
      },
    });
    return {
      seed: wholeFlag("seed", values.seed, 1, 0),
      shipments: wholeFlag("shipments", values.shipments, 20_000, 0),
      villages: wholeFlag("villages", values.villages, 2_000, 1),
      out: values.out,
    };
  });
  const { out, ...options } = flags;
  const scenario = makeNationalWeek(loadNationalData(resolve(ROOT, "data/indonesia")), options);
  const check = validateScenario(scenario);
  if (!check.ok) throw new Error(check.errors.map((e) => `${e.path}: ${e.message}`).join("\n"));
  const text = `${JSON.stringify(scenario)}\n`;
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
  const kg = scenario.shipments.reduce((sum, s) => sum + s.weightKg, 0);
  process.stderr.write(
    `national week: ${scenario.villages.length} villages, ${scenario.shipments.length} shipments, ` +
      `${Math.round(kg / 1000)} t, ${scenario.ports.length} ports, ${scenario.depots.length} depots, ` +
      `${scenario.sailings?.length} sailings${out ? ` -> ${out}` : ""}\n`,
  );
  return 0;
}

process.exitCode = main();
