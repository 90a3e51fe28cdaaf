/**
 * Two people clicking at once: 200 parallel requests (shipment creates, all-or-nothing
 * batches racing for one id, container status moves racing on the same containers,
 * cancels racing on the same shipments, and reads) against the embedded default (PGlite,
 * what `npm start` runs) and against PostgreSQL. Never a 5xx, never a wrong 401, nothing
 * hangs, and every race has exactly one winner with the losers changing nothing.
 */
import { expect } from "chai";
import { loadScenario } from "../../services/seed/demo-data.js";
import { exampleScenario } from "./support/fixtures.js";
import type { Reply } from "./support/http-client.js";
import { planChecked } from "./support/plan-run.js";
import { type Stack, startStack } from "./support/stack.js";

/** A request that has not answered in this long is counted as hung. */
const HUNG_MS = 60000;

for (const database of ["embedded", "postgresql"] as const) {
  describe(`concurrent use on ${database === "embedded" ? "the embedded PGlite" : "PostgreSQL"}`, function () {
    this.timeout(240000);
    let stack: Stack;
    const scenario = exampleScenario();
    const villages = scenario.villages.map((v) => v.id);
    const call = (method: string, path: string, json?: unknown) =>
      stack.client.call(method, path, { key: stack.key, json });

    before(async () => {
      stack = await startStack({ queue: "in-process", name: `concurrent-${database}`, database });
      await loadScenario(stack.runtime.deps.dataSource, scenario);
      await planChecked(stack.client, stack.key, { region: "Kalimantan", horizon: scenario.horizon });
    });
    after(async () => {
      await stack?.close();
    });

    /** A request, or status -1 if it has not answered within HUNG_MS. */
    const timed = (request: Promise<Reply>): Promise<Pick<Reply, "status" | "body">> =>
      Promise.race([
        request,
        new Promise<Pick<Reply, "status" | "body">>((ok) =>
          setTimeout(() => ok({ status: -1, body: "hung" }), HUNG_MS).unref(),
        ),
      ]);

    it("answers 200 parallel writes and reads without a 5xx, a wrong 401 or a hang; races have one winner", async () => {
      const containers = (await call("GET", "/v1/containers?limit=500")).body.items as { id: string }[];
      expect(containers.length).to.be.greaterThan(0);
      const racedContainers = containers.slice(0, 5).map((c) => c.id);
      // Shipments to cancel twice each, created before the burst and in no container.
      const toCancel = Array.from({ length: 10 }, (_, i) => ({
        id: `CANCEL-${i}`,
        village: villages[i % villages.length],
        weightKg: 50,
      }));
      expect((await call("POST", "/v1/shipments/batch", { shipments: toCancel })).status).to.equal(201);
      const before = (await call("GET", "/v1/shipments?limit=1")).body.total as number;

      type Kind = "create" | "batch" | "status" | "cancel" | "read";
      const requests: { kind: Kind; group: string; send: () => Promise<Reply> }[] = [];
      for (let i = 0; i < 80; i++) {
        const json = { id: `PAR-${i}`, village: villages[i % villages.length], weightKg: 10 + i };
        requests.push({ kind: "create", group: json.id, send: () => call("POST", "/v1/shipments", json) });
      }
      for (let k = 0; k < 10; k++) {
        for (const side of ["A", "B"]) {
          const shipments = [
            { id: `BAT-${k}-${side}1`, village: villages[k % villages.length], weightKg: 20 },
            { id: `BAT-${k}-${side}2`, village: villages[(k + 1) % villages.length], weightKg: 30 },
            // Both batches of the pair claim this id: one stores all three, the other nothing.
            { id: `BAT-${k}-SHARED`, village: villages[k % villages.length], weightKg: 40 },
          ];
          requests.push({
            kind: "batch",
            group: `pair-${k}`,
            send: () => call("POST", "/v1/shipments/batch", { shipments }),
          });
        }
      }
      for (let i = 0; i < 30; i++) {
        const id = racedContainers[i % racedContainers.length];
        requests.push({
          kind: "status",
          group: id,
          send: () => call("POST", `/v1/containers/${id}/status`, { status: "confirmed" }),
        });
      }
      for (let i = 0; i < 20; i++) {
        const id = toCancel[i % toCancel.length].id;
        requests.push({ kind: "cancel", group: id, send: () => call("POST", `/v1/shipments/${id}/cancel`) });
      }
      const reads = [
        "/v1/shipments?limit=20",
        "/v1/containers?limit=20",
        "/v1/villages",
        `/v1/shipments/${scenario.shipments[0].id}`,
        `/v1/containers/${racedContainers[0]}`,
        "/v1/me",
        "/health",
        "/v1/settings/planning",
      ];
      for (let i = 0; i < 50; i++) {
        const path = reads[i % reads.length];
        requests.push({ kind: "read", group: path, send: () => call("GET", path) });
      }
      expect(requests).to.have.length(200);

      const started = Date.now();
      const replies = await Promise.all(requests.map((r) => timed(r.send())));
      const elapsedMs = Date.now() - started;
      const tally: Record<string, number> = {};
      for (const r of replies) tally[r.status] = (tally[r.status] ?? 0) + 1;
      console.log(
        `      ${database}: ${requests.length} parallel requests in ${elapsedMs} ms, statuses ${JSON.stringify(tally)}`,
      );

      const bad = replies
        .map((r, i) => ({ ...requests[i], status: r.status, body: r.body }))
        .filter((r) => r.status >= 500 || r.status === 401 || r.status === -1);
      expect(bad.map((b) => `${b.kind} ${b.group}: ${b.status} ${JSON.stringify(b.body)}`)).to.deep.equal([]);

      const byKind = (kind: Kind) =>
        replies.map((r, i) => ({ ...requests[i], status: r.status })).filter((r) => r.kind === kind);
      expect(byKind("create").every((r) => r.status === 201)).to.equal(true);
      expect(byKind("read").every((r) => r.status === 200)).to.equal(true);
      const winners = (kind: Kind, ok: number) => {
        const groups = new Map<string, number[]>();
        for (const r of byKind(kind)) groups.set(r.group, [...(groups.get(r.group) ?? []), r.status]);
        for (const [group, statuses] of groups) {
          expect(
            statuses.filter((s) => s === ok),
            `${kind} ${group}: ${statuses}`,
          ).to.have.length(1);
          expect(
            statuses.filter((s) => s !== ok).every((s) => s === 409),
            `${kind} ${group}: ${statuses}`,
          ).to.equal(true);
        }
      };
      winners("batch", 201);
      winners("status", 200);
      winners("cancel", 200);

      // All or nothing: of each racing pair, exactly one batch's three rows are stored.
      for (let k = 0; k < 10; k++) {
        const a = (await call("GET", `/v1/shipments/BAT-${k}-A1`)).status === 200;
        const a2 = (await call("GET", `/v1/shipments/BAT-${k}-A2`)).status === 200;
        const b = (await call("GET", `/v1/shipments/BAT-${k}-B1`)).status === 200;
        const b2 = (await call("GET", `/v1/shipments/BAT-${k}-B2`)).status === 200;
        expect([a, a2, b, b2], `pair ${k}`).to.deep.equal(
          a ? [true, true, false, false] : [false, false, true, true],
        );
      }
      expect((await call("GET", "/v1/shipments?limit=1")).body.total).to.equal(before + 80 + 10 * 3);
      for (const id of racedContainers) {
        const c = (await call("GET", `/v1/containers/${id}`)).body;
        expect(c.status).to.equal("confirmed");
        expect(c.history.filter((h: { status: string }) => h.status === "confirmed")).to.have.length(1);
      }
    });

    it("still plans afterwards, keeping the confirmed containers, and the plan passes the checker", async () => {
      const { run } = await planChecked(stack.client, stack.key, {
        region: "Kalimantan",
        horizon: scenario.horizon,
      });
      expect(run.keptContainers).to.have.length(5);
    });
  });
}
