/** The app on port 0 and a tiny JSON client for it: tests speak real HTTP. */
import type { Server } from "node:http";
import type { Express } from "express";

export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test payloads are read loosely and asserted on
  body: any;
  text: string;
  headers: Headers;
}

export interface Client {
  baseUrl: string;
  call(
    method: string,
    path: string,
    options?: { key?: string; json?: unknown; raw?: string; type?: string; headers?: Record<string, string> },
  ): Promise<Reply>;
  close(): Promise<void>;
}

export async function serve(app: Express): Promise<Client> {
  const server: Server = await new Promise((ok) => {
    const s = app.listen(0, "127.0.0.1", () => ok(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.key) headers.authorization = `Bearer ${options.key}`;
      let body: string | undefined;
      if (options.json !== undefined) {
        headers["content-type"] = "application/json";
        body = JSON.stringify(options.json);
      } else if (options.raw !== undefined) {
        headers["content-type"] = options.type ?? "application/json";
        body = options.raw;
      }
      const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body: parsed, text, headers: res.headers };
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** Poll until `done` holds, or fail with the last value seen. */
export async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  done: (v: T) => boolean,
  timeoutMs = 60000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T = await read();
  while (!done(last)) {
    if (Date.now() > until)
      throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last).slice(0, 800)}`);
    await new Promise((r) => setTimeout(r, 150));
    last = await read();
  }
  return last;
}
