/**
 * The API as its own process, started the way `npm start` starts it (`services/api/main.ts`
 * under tsx), so a load generator never shares the server's event loop. It listens on a
 * free loopback port (PORT=0); the URL and the coordinator key are read from the banner
 * main.ts prints. Its output (one log line per request) goes to a file, not through a pipe
 * the load generator would have to drain.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "../..");

export interface ApiProcess {
  url: string;
  /** The coordinator key main.ts printed (BOOTSTRAP_API_KEY or the generated one). */
  key: string;
  child: ChildProcess;
  logFile: string;
  /** SIGTERM, and wait for the exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<number | null>;
}

const tail = (file: string) => {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-40).join("\n");
  } catch {
    return "(no output)";
  }
};

/** `env` is added to this process's environment; PORT and HOST are set here. */
export async function startApiProcess(
  env: Record<string, string>,
  logFile: string,
  timeoutMs = 120_000,
  /** Node flags before the entry point, e.g. `--cpu-prof` to see where a request's time goes. */
  nodeArgs: string[] = [],
): Promise<ApiProcess> {
  const fd = openSync(logFile, "w");
  const child = spawn(
    process.execPath,
    [...nodeArgs, "--import", "tsx", join(ROOT, "services/api/main.ts")],
    {
      cwd: ROOT,
      env: { ...process.env, PUBLIC_URL: "", ...env, PORT: "0", HOST: "127.0.0.1" },
      stdio: ["ignore", fd, fd],
    },
  );
  closeSync(fd);
  const exited = new Promise<number | null>((ok) => child.on("exit", (code) => ok(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });

  const started = Date.now();
  for (;;) {
    const text = readFileSync(logFile, "utf8");
    const url = /Muatan is running at (http:\/\/\S+)/.exec(text)?.[1];
    const key = /API key\s+(\S+)/.exec(text)?.[1];
    if (url && key) {
      return {
        url,
        key,
        child,
        logFile,
        async stop(graceMs = 20_000) {
          if (exitCode !== undefined) return exitCode;
          child.kill("SIGTERM");
          const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
          const code = await exited;
          clearTimeout(timer);
          return code;
        },
      };
    }
    if (exitCode !== undefined)
      throw new Error(`the API exited with ${exitCode} before it listened:\n${tail(logFile)}`);
    if (Date.now() - started > timeoutMs) {
      child.kill("SIGKILL");
      throw new Error(`the API did not start within ${timeoutMs} ms:\n${tail(logFile)}`);
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
}
