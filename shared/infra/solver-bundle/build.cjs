/**
 * The compiled solver: esbuild bundles the solver's entry points (the service's solve
 * thread, the CLI, the benchmark, the CLI's part threads) into plain CommonJS under
 * dist/solver. Run through tsx, the solver spends about a quarter of its time in the
 * getters tsx puts on every CommonJS export; bundled, the same plan comes out in half the
 * time (issue 8).
 *
 * Built on demand: ensureSolverBundle() rebuilds only when the bundle is missing or any file
 * it was built from changed (size or modification time, recorded in dist/solver/stamp.json),
 * so a fresh clone, `npm start`, `npm test`, `npm run plan` and `npm run bench` need no
 * manual step. Files are written beside their targets and renamed, so two processes
 * building at once never leave half a bundle. Plain CommonJS on purpose: it runs before
 * anything could compile TypeScript.
 *
 *   npm run build                                       # build if stale, say what happened
 *   node shared/infra/solver-bundle/build.cjs --force   # build anyway
 */
const { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require("node:fs");
const { dirname, join, relative, resolve } = require("node:path");

/** The repository root: the nearest folder up with a package.json (this file may be bundled into dist/). */
function findRoot(from) {
  let dir = from;
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const ROOT = findRoot(__dirname);
const OUT = join(ROOT, "dist/solver");
const STAMP = join(OUT, "stamp.json");

/** Bundle name -> its TypeScript entry (an image without scripts/ or bench/ builds the rest). */
const ALL_ENTRIES = {
  "solve.thread": "shared/infra/planning/solve.thread.ts",
  "parts.thread": "shared/infra/planning/parts.thread.ts",
  plan: "scripts/plan.ts",
  bench: "bench/run.ts",
  units: "bench/work-units.ts",
};
const ENTRIES = Object.fromEntries(
  Object.entries(ALL_ENTRIES).filter(([, path]) => existsSync(join(ROOT, path))),
);

function fingerprint(path) {
  try {
    const s = statSync(join(ROOT, path));
    return `${s.size}:${Math.round(s.mtimeMs)}`;
  } catch {
    return "missing";
  }
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP, "utf8"));
  } catch {
    return undefined;
  }
}

/** Why the bundle must be rebuilt, or undefined when it is current. */
function staleReason() {
  const stamp = readStamp();
  if (!stamp) return "no bundle yet";
  const esbuild = require("esbuild");
  if (stamp.esbuild !== esbuild.version) return `esbuild ${esbuild.version} differs from the bundle's`;
  for (const name of Object.keys(ENTRIES)) {
    if (stamp.entries?.[name] !== ENTRIES[name] || !existsSync(join(OUT, `${name}.cjs`)))
      return `${name} missing`;
  }
  for (const [path, print] of Object.entries(stamp.inputs ?? {})) {
    if (fingerprint(path) !== print) return `${path} changed`;
  }
  return undefined;
}

function build() {
  const esbuild = require("esbuild");
  const started = Date.now();
  const result = esbuild.buildSync({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, path]) => [name, join(ROOT, path)])),
    outdir: OUT,
    outExtension: { ".js": ".cjs" },
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    // Packages load from node_modules as usual: only the project's own code is compiled.
    packages: "external",
    sourcemap: "linked",
    metafile: true,
    write: false,
    logLevel: "silent",
  });
  mkdirSync(OUT, { recursive: true });
  for (const file of result.outputFiles) {
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
  }
  // What else shapes the output: the compiler settings and this builder.
  const self = "shared/infra/solver-bundle/build.cjs";
  const inputs = { "tsconfig.json": fingerprint("tsconfig.json"), [self]: fingerprint(self) };
  for (const path of Object.keys(result.metafile.inputs)) {
    const rel = relative(ROOT, resolve(process.cwd(), path));
    inputs[rel] = fingerprint(rel);
  }
  const temp = `${STAMP}.${process.pid}.tmp`;
  writeFileSync(
    temp,
    `${JSON.stringify({ esbuild: esbuild.version, entries: ENTRIES, builtMs: Date.now() - started, inputs }, null, 1)}\n`,
  );
  renameSync(temp, STAMP);
  return Date.now() - started;
}

/**
 * Build the bundle if it is missing or stale; returns where each entry's bundle is.
 * @param {{ force?: boolean, log?: (line: string) => void }} [options]
 */
function ensureSolverBundle(options = {}) {
  const reason = options.force ? "forced" : staleReason();
  if (reason !== undefined) {
    const ms = build();
    options.log?.(`solver bundle built in ${ms} ms (${reason}) -> ${relative(process.cwd(), OUT) || "."}`);
  }
  return { dir: OUT, file: (name) => join(OUT, `${name}.cjs`) };
}

/**
 * Why a bundle started directly (`node --cpu-prof dist/solver/bench.cjs`, say) must not run,
 * or undefined: started that way nothing rebuilt it, so after an edit it would run the code
 * as it was at the last build, and a profile or a benchmark would measure that. `npm run
 * plan` and `npm run bench` rebuild first (scripts/build/run-bundled.cjs), so for them this
 * only re-reads the stamp (about 2 ms); the solver threads are rebuilt by whoever starts them
 * and do not call it. Code run through tsx (not from dist/solver) is never stale.
 * @param {string} entry the started file (process.argv[1])
 */
function staleBundleError(entry) {
  const file = resolve(entry ?? "");
  if (dirname(file) !== OUT) return undefined;
  const reason = staleReason();
  if (reason === undefined) return undefined;
  return `${relative(process.cwd(), file)} is older than its sources (${reason}): run \`npm run build\` first (\`npm run plan\` and \`npm run bench\` build it themselves)`;
}

/** The entries' first step: a stale bundle started directly says why and exits with 2 (bad invocation). */
function refuseStaleBundle(entry = process.argv[1]) {
  const error = staleBundleError(entry);
  if (error === undefined) return;
  process.stderr.write(`error: ${error}\n`);
  process.exit(2);
}

module.exports = { ensureSolverBundle, ENTRIES, OUT, refuseStaleBundle, staleBundleError };

if (require.main === module) {
  let built = false;
  ensureSolverBundle({
    force: process.argv.includes("--force"),
    log: (line) => {
      built = true;
      process.stderr.write(`${line}\n`);
    },
  });
  if (!built) process.stderr.write(`solver bundle is current (${relative(process.cwd(), OUT) || "."})\n`);
}
