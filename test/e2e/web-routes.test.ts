/**
 * The web routes over HTTP against the real PostgreSQL: the dashboard page in both
 * languages, the view models each role reads, and every export file, with a plan
 * stored through the service's own plan store.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "chai";
import { parse } from "csv-parse/sync";
import express from "express";
import type { DataSource } from "typeorm";
import { errorHandler, notFoundHandler } from "../../services/api/error-handler.js";
import { createWebRouter } from "../../services/web/web.router.js";
import { openDataSource } from "../../shared/infra/db/data-source.js";
import { ShipmentEntity } from "../../shared/infra/db/entities/shipment.entity.js";
import { newShipmentRow } from "../../shared/infra/db/scenario.mapper.js";
import { createLogger } from "../../shared/infra/logger.js";
import { fixturePlan, fixtureScenario } from "../unit/views/fixtures.js";
import { createFreshDatabase, type FreshDatabase } from "./support/fresh-database.js";
import { seedKeys, seedReference, seedShipments, storeFixturePlan } from "./support/seed-fixture.js";

const NOW = Date.parse("2026-12-20T00:00:00Z");
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("web routes (HTTP, real PostgreSQL)", function () {
  this.timeout(60_000);
  let db: FreshDatabase;
  let ds: DataSource;
  let server: Server;
  let base: string;
  let keys: Awaited<ReturnType<typeof seedKeys>>;

  const get = (path: string, key?: string) =>
    fetch(`${base}${path}`, { headers: key ? { Authorization: `Bearer ${key}` } : {} });
  const json = async (path: string, key?: string) => {
    const res = await get(path, key);
    const body = await res.json();
    return { status: res.status, body };
  };

  before(async () => {
    db = await createFreshDatabase("muatan_web");
    ds = await openDataSource({ url: db.url, poolSize: 4 });
    const scenario = fixtureScenario();
    await seedReference(ds, scenario);
    await seedShipments(ds, scenario);
    keys = await seedKeys(ds);
    const app = express();
    app.use(express.json());
    app.use(createWebRouter({ dataSource: ds, now: () => NOW }));
    app.use(notFoundHandler);
    app.use(errorHandler(createLogger("silent", "test")));
    server = app.listen(0);
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await ds?.destroy();
    await db?.drop();
  });

  it("serves the dashboard in Bahasa Indonesia by default and in English on ?lang=en", async () => {
    const id = await get("/");
    expect(id.status).to.equal(200);
    expect(id.headers.get("content-type")).to.match(/text\/html/);
    const idHtml = await id.text();
    expect(idHtml).to.include('<html lang="id-ID">');
    expect(idHtml).to.include("Mulai perencanaan");
    expect(idHtml).to.include("Daftarkan kiriman");
    const enHtml = await (await get("/?lang=en")).text();
    expect(enHtml).to.include('<html lang="en-GB">');
    expect(enHtml).to.include("Start planning");
    expect(enHtml).to.not.include("Mulai perencanaan");
    const script = await get(/src="([^"]+)"/.exec(enHtml)![1]);
    expect(script.status).to.equal(200);
    expect(script.headers.get("content-type")).to.match(/javascript/);
    // light for a slow connection: page, script and style together stay small
    const css = await get(/href="(\/web\/dashboard\.css[^"]*)"/.exec(enHtml)![1]);
    const total = enHtml.length + (await script.text()).length + (await css.text()).length;
    expect(total).to.be.below(80_000);
  });

  it("refuses data without a key, naming the header", async () => {
    const { status, body } = await json("/web/data/dashboard");
    expect(status).to.equal(401);
    expect(body.errors[0].path).to.equal("(header).authorization");
  });

  it("says there is no plan yet before the first run", async () => {
    const { status, body } = await json("/web/data/dashboard?lang=en", keys.coordinator);
    expect(status).to.equal(200);
    expect(body.hasPlan).to.equal(false);
    expect(body.containers).to.deep.equal([]);
  });

  describe("with a stored plan", () => {
    before(async () => {
      const version = await storeFixturePlan(ds, fixtureScenario(), fixturePlan());
      expect(version).to.equal(1);
    });

    it("gives the coordinator the week's containers, the map and what could not be planned", async () => {
      const { status, body } = await json("/web/data/dashboard?lang=en", keys.coordinator);
      expect(status).to.equal(200);
      expect(body.hasPlan).to.equal(true);
      expect(body.version).to.equal(1);
      expect(body.containers.map((c: { id: string }) => c.id)).to.deep.equal(["v1-C2", "v1-C1"]);
      const c1 = body.containers[1];
      expect(c1.statusLabel).to.equal("Planned");
      expect(c1.text.weightFill).to.equal("67%");
      expect(body.summary.assignedWeight).to.equal("2,500 kg");
      expect(body.unassigned).to.have.length(1);
      expect(body.unassigned[0]).to.include({
        shipment: "S3",
        reason: "TOO_LARGE",
        reasonLabel: "Too large",
      });
      expect(body.mapSvg.match(/<polyline /g)).to.have.length(2);
    });

    it("keeps the coordinator dashboard from BUMDes and exporter keys", async () => {
      expect((await json("/web/data/dashboard", keys.bumdesA)).status).to.equal(403);
      expect((await json("/web/data/dashboard", keys.exporterB)).status).to.equal(403);
    });

    it("shows a BUMDes its village's pickups in its own clock", async () => {
      const a = await json("/web/data/pickups?village=vA", keys.bumdesA);
      expect(a.status).to.equal(200);
      expect(a.body.rows).to.have.length(1);
      expect(a.body.rows[0]).to.include({ container: "v1-C1", time: "08.00", zone: "WITA" });
      const b = await json("/web/data/pickups?village=vB&lang=en", keys.bumdesB);
      expect(b.body.rows[0]).to.include({ time: "09:00", zone: "WIB", date: "Mon, 28 Dec 2026" });
      // another village's pickups read as missing: a key learns nothing about them
      const denied = await json("/web/data/pickups?village=vB", keys.bumdesA);
      expect(denied.status).to.equal(404);
      expect(denied.body.errors[0].path).to.equal("village");
      expect((await json("/web/data/pickups?village=vA", keys.exporterB)).status).to.equal(403);
      const missing = await json("/web/data/pickups?village=nowhere", keys.coordinator);
      expect(missing.status).to.equal(404);
    });

    it("tells a BUMDes which of its shipments no pickup carries yet, and why", async () => {
      // S3 (3,500 kg in one package) was left out of the plan at vQ; the coordinator reads vQ
      const q = await json("/web/data/pickups?village=vQ", keys.coordinator);
      expect(q.status).to.equal(200);
      expect(q.body.rows).to.deep.equal([]);
      expect(q.body.waiting).to.deep.equal([
        {
          shipment: "S3",
          product: "=cmd|' /C calc'!A0",
          weight: "3.500 kg",
          status: "unassigned",
          state: "Terlalu besar",
          help: "Satu koli lebih berat atau lebih besar dari kontainer mana pun. Bagi menjadi koli yang lebih kecil.",
          detail: "3500 kg in one package exceeds every container (3000 kg).",
        },
      ]);
      // a shipment registered at vA after the plan: waiting for the next one, for vA's BUMDes only
      await ds.manager.save(ShipmentEntity, newShipmentRow({ id: "LATE-A", village: "vA", weightKg: 120 }));
      try {
        const a = await json("/web/data/pickups?village=vA&lang=en", keys.bumdesA);
        expect(a.body.rows).to.have.length(1);
        expect(a.body.waiting).to.deep.equal([
          {
            shipment: "LATE-A",
            product: "",
            weight: "120 kg",
            status: "open",
            state: "Waiting for the next plan",
            help: "The coordinator has not planned it yet; its pickup appears above once a plan takes it.",
            detail: "",
          },
        ]);
        const b = await json("/web/data/pickups?village=vB", keys.bumdesB);
        expect(b.body.waiting).to.deep.equal([]);
      } finally {
        await ds.manager.delete(ShipmentEntity, { id: "LATE-A" });
      }
    });

    it("downloads a village's pickups as an iCalendar file a phone imports", async () => {
      const res = await get("/exports/villages/vB/pickups.ics", keys.bumdesB);
      expect(res.status).to.equal(200);
      expect(res.headers.get("content-type")).to.equal("text/calendar; charset=utf-8");
      expect(res.headers.get("content-disposition")).to.equal('attachment; filename="pickups-vB.ics"');
      const ics = (await res.text()).replace(/\r\n[ \t]/g, "");
      expect(ics).to.match(/^BEGIN:VCALENDAR\r\n/);
      expect(ics).to.include("UID:v1-C1-2-vB@muatan");
      expect(ics).to.include("DTSTART:20261228T020000Z");
      expect(ics).to.include("DTSTAMP:20261220T000000Z");
      expect(ics).to.include("S2 · banana-flour · 4 koli · 800 kg");
    });

    it("downloads a village's pickups as CSV", async () => {
      const res = await get("/exports/villages/vA/pickups.csv?lang=en", keys.bumdesA);
      expect(res.headers.get("content-type")).to.equal("text/csv; charset=utf-8");
      const records: string[][] = parse(await res.text());
      expect(records[1].slice(0, 7)).to.deep.equal([
        "Mon, 28 Dec 2026",
        "08:00",
        "WITA",
        "vA",
        'Desa Sungai Tabuk, "Hulu"',
        "BUMDes Maju & Jaya <1>",
        "v1-C1",
      ]);
    });

    it("shows an exporter only containers with its shipments, and only its shipments inside", async () => {
      const { body } = await json("/web/data/containers?lang=en", keys.exporterB);
      expect(body.containers.map((c: { id: string }) => c.id)).to.deep.equal(["v1-C1"]);
      const shipments = body.containers[0].shipments as {
        shipment: string;
        exporter?: string;
        product?: string;
      }[];
      expect(shipments.find((s) => s.shipment === "S2")).to.include({
        exporter: "EXP-B",
        product: "banana-flour",
      });
      // S1 of EXP-A shares the container: absent, not masked (no id, no weight either)
      expect(shipments.map((s) => s.shipment)).to.deep.equal(["S2"]);
      expect(body.containers[0].text.cutoff).to.be.a("string");
      expect(nbsp(body.containers[0].text.countdown)).to.equal("Cut-off in 9 d");
    });

    it("prints a container manifest, and hides other exporters' containers", async () => {
      const res = await get("/exports/containers/v1-C1/manifest.html?lang=en", keys.coordinator);
      expect(res.status).to.equal(200);
      expect(res.headers.get("content-type")).to.match(/^text\/html/);
      const html = await res.text();
      expect(html).to.include("<title>Container manifest v1-C1</title>");
      expect(html).to.include("Desa Sungai Tabuk, &quot;Hulu&quot;");
      expect((await get("/exports/containers/v1-C2/manifest.html", keys.exporterB)).status).to.equal(404);
      const csv: string[][] = parse(await (await get("/exports/manifest.csv", keys.coordinator)).text());
      expect(
        csv
          .slice(1)
          .map((r) => r[0])
          .sort(),
      ).to.deep.equal(["v1-C1", "v1-C1", "v1-C2"]);
    });

    it("exports the routes as GeoJSON", async () => {
      const res = await get("/exports/routes.geojson", keys.coordinator);
      expect(res.headers.get("content-type")).to.equal("application/geo+json; charset=utf-8");
      const geo = (await res.json()) as {
        type: string;
        features: { geometry: { type: string; coordinates: number[][] } }[];
      };
      expect(geo.type).to.equal("FeatureCollection");
      const lines = geo.features.filter((f) => f.geometry.type === "LineString");
      expect(lines).to.have.length(2);
      expect(lines.every((l) => l.geometry.coordinates.every(([lon, lat]) => lon > 90 && lat < 10))).to.equal(
        true,
      );
    });
  });
});
