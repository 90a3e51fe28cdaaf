/** Runs `scripts/plan.ts` as a user would (a child process), without npm's own output. */
import { spawn } from "node:child_process";
import { resolve } from "node:path";

export const REPO = resolve(__dirname, "../..");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
}

export function runPlanCli(args: string[], timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/plan.ts", ...args], {
      cwd: REPO,
      env: { ...process.env, FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", fail);
    child.on("close", (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr, wallMs: performance.now() - started });
    });
  });
}
