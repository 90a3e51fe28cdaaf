/** Start one of the project's entry points as its own Node process, the way npm scripts run it (tsx). */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

export const ROOT = join(__dirname, "../../..");

export interface TsxProcess {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr interleaved as they arrived. */
  output(): string;
  exited: Promise<number | null>;
}

/** `entry` is relative to the repository root; `env` is the whole environment the child gets. */
export function spawnTsx(entry: string, env: NodeJS.ProcessEnv): TsxProcess {
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, entry)], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => {
    out += d;
  });
  child.stderr!.on("data", (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((ok) => child.on("exit", (code) => ok(code)));
  return { child, output: () => out, exited };
}
