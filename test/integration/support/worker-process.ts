/** Start the real worker (`workers/main.ts`) as its own process, as `npm run worker` does. */
import type { ChildProcess } from "node:child_process";
import { spawnTsx } from "./tsx-process.js";

export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  /** SIGTERM, and wait for the exit code. */
  stop(): Promise<number | null>;
}

export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const { child, output, exited } = spawnTsx("workers/main.ts", {
    ...process.env,
    LOG_LEVEL: "info",
    ...env,
  });
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`worker did not start in time:\n${output()}`)), 30000);
    const check = () => {
      if (output().includes("worker ready")) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout!.on("data", check);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`worker exited with ${code} before it was ready:\n${output()}`));
    });
  });
  return {
    child,
    output,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      return exited;
    },
  };
}
