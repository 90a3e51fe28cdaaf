/**
 * `npm run plan` and `npm run bench` run the compiled solver: make sure the bundle is
 * current (shared/infra/solver-bundle/build.cjs), then run the named entry in this same process with the
 * arguments npm passed on.
 *
 *   node scripts/build/run-bundled.cjs plan SCENARIO.json --time-limit 60
 */
const { ensureSolverBundle, ENTRIES } = require("../../shared/infra/solver-bundle/build.cjs");

const [name, ...args] = process.argv.slice(2);
if (!name || !(name in ENTRIES)) {
  process.stderr.write(`usage: run-bundled.cjs ${Object.keys(ENTRIES).join("|")} [ARGS...]\n`);
  process.exit(2);
}
const bundle = ensureSolverBundle({ log: (line) => process.stderr.write(`${line}\n`) });
const file = bundle.file(name);
// The entry reads process.argv as if it had been started itself.
process.argv = [process.argv[0], file, ...args];
require(file);
