/** Start the real worker (`workers/main.ts`) as its own process, as `npm run worker` does. */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  /** SIGTERM, and wait for the exit code. */
  stop(): Promise<number | null>;
}

const ROOT = join(__dirname, "../../..");

export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "workers/main.ts")], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "info", ...env },
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
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`worker did not start in time:\n${out}`)), 30000);
    const check = () => {
      if (out.includes("worker ready")) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout!.on("data", check);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`worker exited with ${code} before it was ready:\n${out}`));
    });
  });
  return {
    child,
    output: () => out,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      return exited;
    },
  };
}
