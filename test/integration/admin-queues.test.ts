/**
 * The BullMQ dashboard for coordinators (bull-board at /admin/queues) behind a short-lived
 * session cookie traded for a coordinator key: who gets in, for how long, what ends a
 * session (expiry, a forged cookie, the key revoked), and that the board changes nothing.
 */
import { expect } from "chai";
import { createApp } from "../../services/api/app.js";
import { loadScenario } from "../../services/seed/demo-data.js";
import { exampleScenario } from "./support/fixtures.js";
import { type Client, serve, waitFor } from "./support/http-client.js";
import { type Stack, startStack } from "./support/stack.js";

/** fetch without following redirects, with an optional cookie and key. */
async function raw(
  base: string,
  method: string,
  path: string,
  options: { cookie?: string; key?: string; accept?: string } = {},
) {
  const headers: Record<string, string> = { accept: options.accept ?? "application/json" };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  return fetch(`${base}${path}`, { method, headers, redirect: "manual" });
}

describe("queue dashboard (bull-board) for coordinators (PostgreSQL + Redis)", function () {
  this.timeout(120000);
  let stack: Stack;
  let base: string;

  before(async () => {
    stack = await startStack({ queue: "bullmq", name: "board" });
    await loadScenario(stack.runtime.deps.dataSource, exampleScenario());
    base = stack.client.baseUrl;
  });
  after(async () => {
    await stack?.close();
  });

  async function signIn(key = stack.key): Promise<string> {
    const res = await raw(base, "POST", "/admin/session", { key });
    expect(res.status, await res.clone().text()).to.equal(204);
    const setCookie = res.headers.get("set-cookie") ?? "";
    return setCookie.split(";")[0];
  }

  it("sends a browser without a session to the sign-in page, and refuses the board's API with 401", async () => {
    const page = await raw(base, "GET", "/admin/queues", { accept: "text/html" });
    expect(page.status).to.equal(302);
    expect(page.headers.get("location")).to.equal("/admin/login?next=%2Fadmin%2Fqueues");
    const api = await raw(base, "GET", "/admin/queues/api/queues");
    expect(api.status).to.equal(401);

    const login = await raw(base, "GET", "/admin/login", { accept: "text/html" });
    expect(login.status).to.equal(200);
    const html = await login.text();
    expect(html).to.contain("Kunci akses koordinator");
    expect(html).to.contain('<script src="/admin/login.js">');
    const en = await (await raw(base, "GET", "/admin/login?lang=en", { accept: "text/html" })).text();
    expect(en).to.contain("Coordinator access key");
  });

  it("trades only a coordinator key for a short-lived HttpOnly, SameSite=Strict cookie", async () => {
    expect((await raw(base, "POST", "/admin/session")).status).to.equal(401);
    expect((await raw(base, "POST", "/admin/session", { key: "mua_not-a-key" })).status).to.equal(401);
    const bumdes = await stack.client.call("POST", "/v1/keys", {
      key: stack.key,
      json: { role: "bumdes", villages: [exampleScenario().villages[0].id] },
    });
    expect(bumdes.status, bumdes.text).to.equal(201);
    expect((await raw(base, "POST", "/admin/session", { key: bumdes.body.key })).status).to.equal(403);

    const res = await raw(base, "POST", "/admin/session", { key: stack.key });
    expect(res.status).to.equal(204);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).to.match(/^muatan_admin=/);
    expect(cookie).to.contain("HttpOnly");
    expect(cookie).to.contain("SameSite=Strict");
    expect(cookie).to.contain("Path=/admin");
    expect(cookie).to.contain("Max-Age=1800");
    expect(cookie).to.not.contain(stack.key);
  });

  it("shows the board and its queue with a session, read-only", async () => {
    await stack.client.call("POST", "/v1/solve?timeLimitSeconds=0.5", {
      key: stack.key,
      json: exampleScenario(),
    });
    const cookie = await signIn();
    const page = await raw(base, "GET", "/admin/queues", { cookie, accept: "text/html" });
    expect(page.status).to.equal(200);
    expect(await page.text()).to.contain("static/js/main");
    const queues = await waitFor(
      "the board to list the queue with its job",
      async () =>
        (await (await raw(base, "GET", "/admin/queues/api/queues", { cookie })).json()) as {
          queues: { name: string; readOnlyMode: boolean; counts: Record<string, number> }[];
        },
      (q) => Object.values(q.queues?.[0]?.counts ?? {}).some((n) => n > 0),
      20000,
    );
    expect(queues.queues.map((q) => q.name)).to.deep.equal([stack.config.queue.name]);
    expect(queues.queues[0].readOnlyMode).to.equal(true);
    // Read-only: a retry or an added job is refused, and "pause all" leaves the queue running.
    const name = stack.config.queue.name;
    expect(
      (await raw(base, "PUT", `/admin/queues/api/queues/${name}/retry/failed`, { cookie })).status,
    ).to.equal(405);
    expect((await raw(base, "POST", `/admin/queues/api/queues/${name}/add`, { cookie })).status).to.equal(
      405,
    );
    await raw(base, "PUT", "/admin/queues/api/queues/pause", { cookie });
    expect(await stack.runtime.deps.queue.bullmqQueue!.isPaused()).to.equal(false);
  });

  it("ends a session when the cookie is forged, when it expires, and at once when its key is revoked", async () => {
    const cookie = await signIn();
    const forged = cookie.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect((await raw(base, "GET", "/admin/queues/api/queues", { cookie: forged })).status).to.equal(401);

    // The same service 31 minutes later: the 30-minute session is over.
    let later: Client | undefined;
    try {
      later = await serve(
        createApp({ ...stack.runtime.deps, now: () => new Date(Date.now() + 31 * 60_000) }),
      );
      expect((await raw(later.baseUrl, "GET", "/admin/queues/api/queues", { cookie })).status).to.equal(401);
    } finally {
      await later?.close();
    }

    // A second coordinator key signs in, then the first coordinator revokes it.
    const second = (
      await stack.client.call("POST", "/v1/keys", { key: stack.key, json: { role: "coordinator" } })
    ).body;
    const secondCookie = await signIn(second.key);
    expect((await raw(base, "GET", "/admin/queues/api/queues", { cookie: secondCookie })).status).to.equal(
      200,
    );
    expect((await stack.client.call("DELETE", `/v1/keys/${second.id}`, { key: stack.key })).status).to.equal(
      204,
    );
    expect((await raw(base, "GET", "/admin/queues/api/queues", { cookie: secondCookie })).status).to.equal(
      401,
    );

    // Signing out clears the cookie.
    const out = await raw(base, "DELETE", "/admin/session", { cookie });
    expect(out.status).to.equal(204);
    expect(out.headers.get("set-cookie")).to.match(/muatan_admin=;.*Expires=Thu, 01 Jan 1970/);
  });
});

describe("queue dashboard without Redis (in-process queue)", function () {
  this.timeout(60000);
  let stack: Stack;
  before(async () => {
    stack = await startStack({ queue: "in-process", name: "board-none" });
  });
  after(async () => {
    await stack?.close();
  });

  it("answers 404 saying the dashboard needs Redis", async () => {
    const res = await stack.client.call("GET", "/admin/queues");
    expect(res.status).to.equal(404);
    expect(res.body.errors[0].message).to.contain("REDIS_URL");
  });
});
