/**
 * Sea boxes, costs and late shipments in the dashboard, in headless Chromium, over the
 * spec's example week with boxes (solved once, checked, stored through the plan store):
 * the coordinator sees each sailing's boxes with their three slots filled or empty and
 * puts a late shipment into one of its options; a BUMDes sees what each of its shipments
 * costs and opens its statement; an exporter sees its boxes and its freight; and all of
 * it on a 390-wide phone with nothing running off the side.
 */
import { expect } from "chai";
import type { Browser, Page } from "playwright-core";
import { checkPlan } from "../../shared/core/check/check-plan.js";
import type { Plan } from "../../shared/core/model/plan.js";
import type { Scenario, Shipment } from "../../shared/core/model/scenario.js";
import { solve } from "../../shared/core/solve.js";
import { createApiKey } from "../../shared/infra/db/api-keys.repository.js";
import { setPlanningDefaults } from "../../shared/infra/db/settings.repository.js";
import { exampleScenarioWithBoxes } from "../integration/support/boxes-fixture.js";
import { launchBrowser, screenshot } from "./support/browser.js";
import { dashboardPage, nbsp, offside, openAs as openPage, overflow } from "./support/page-helpers.js";
import { seedReference, seedShipments, storeFixturePlan } from "./support/seed-fixture.js";
import { type RunningApp, startApp } from "./support/start-app.js";

const NOW = new Date("2026-12-20T00:00:00Z");

describe("dashboard: sea boxes, costs and late shipments in the browser (Chromium)", function () {
  this.timeout(180_000);
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let scenario: Scenario;
  let plan: Plan;
  const keys = { coordinator: "", bumdes: "", exporter: "" };
  let mine = { village: "", exporter: "", bumdes: "" };

  const openAs = (key: string, tab: string, lang = "id", on: Page = page) =>
    openPage(on, app.base, key, tab, lang);
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${app.base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${keys.coordinator}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };

  before(async () => {
    app = await startApp({ timeLimitMs: 1000, now: () => NOW });
    scenario = exampleScenarioWithBoxes();
    plan = solve(scenario, { seed: 1, timeLimitMs: 1500, clock: () => performance.now() });
    expect(checkPlan(scenario, plan)).to.deep.equal([]);
    expect(plan.boxes?.length).to.be.greaterThan(0);
    await seedReference(app.dataSource, scenario);
    await seedShipments(app.dataSource, scenario);
    await app.dataSource.transaction((m) =>
      setPlanningDefaults(m, {
        objective: scenario.objective,
        travel: scenario.travel,
        rules: scenario.rules,
      }),
    );
    await storeFixturePlan(app.dataSource, scenario, plan);
    // a BUMDes and an exporter whose goods ride in a box of two containers or more
    const shared = (plan.boxes ?? []).find((b) => b.containers.length >= 2) ?? (plan.boxes ?? [])[0];
    const first = plan.containers.find((c) => c.id === shared.containers[0])!.stops[0].load[0].shipment;
    const sh = scenario.shipments.find((s) => s.id === first)!;
    mine = {
      village: sh.village,
      exporter: sh.exporter ?? "",
      bumdes: scenario.villages.find((v) => v.id === sh.village)?.bumdes ?? "",
    };
    const m = app.dataSource.manager;
    keys.coordinator = (await createApiKey(m, { role: "coordinator" })).key;
    keys.bumdes = (await createApiKey(m, { role: "bumdes", villages: [mine.village] })).key;
    keys.exporter = (await createApiKey(m, { role: "exporter", exporter: mine.exporter })).key;
    browser = await launchBrowser();
    page = await dashboardPage(browser);
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("shows the coordinator each sailing's boxes, three slots each, filled by containers or empty", async () => {
    await openAs(keys.coordinator, "coordinator");
    await page.waitForSelector("#plan-boxes article.box");
    const drawn = await page.$$eval("#plan-boxes article.box", (boxes) =>
      boxes.map((b) => ({
        id: b.getAttribute("data-box"),
        filled: [...b.querySelectorAll(".slot.filled")].map((s) => s.getAttribute("data-container")),
        empty: b.querySelectorAll(".slot.empty").length,
      })),
    );
    expect(drawn.map((b) => b.id).sort()).to.deep.equal((plan.boxes ?? []).map((b) => `v1-${b.id}`).sort());
    for (const pb of plan.boxes ?? []) {
      const b = drawn.find((x) => x.id === `v1-${pb.id}`)!;
      expect(b.filled).to.deep.equal(pb.containers.map((c) => `v1-${c}`));
      expect(b.filled.length + b.empty).to.equal(3);
    }
    const sailings = await page.$$eval("#plan-boxes section.sailing-boxes", (s) =>
      s.map((x) => x.getAttribute("data-sailing")),
    );
    expect(sailings).to.deep.equal([...new Set(sailings)]); // one section per sailing
    const text = nbsp(await page.textContent("#plan-boxes"));
    expect(text).to.include("Rp 9.500.000");
    expect(text).to.match(/Kapal berangkat .* WITA · cut-off .* WITA/);
    expect(await page.isVisible("#boxes-exports")).to.equal(true);
    const [popup] = await Promise.all([
      page.waitForEvent("popup"),
      page.click(`#plan-boxes article.box[data-box="${drawn[0].id}"] button[data-download]`),
    ]);
    await popup.waitForLoadState();
    expect(await popup.title()).to.equal(`Daftar stuffing box ${drawn[0].id}`);
    await popup.close();
    await screenshot(page, "50-coordinator-boxes-id");
  });

  it("lets the coordinator put a late shipment into one of its options, cheapest first", async () => {
    const host = plan.containers.find((c) => c.weightKg <= 2700 && c.sailing && c.type === "C3T")!;
    const like = scenario.shipments.find((s) => s.id === host.stops[0].load[0].shipment)!;
    const late: Shipment = { ...like, id: "LATE-E2E", weightKg: 150, volumeM3: 0.2, packages: 1 };
    expect((await api("POST", "/v1/shipments", late)).status).to.equal(201);
    await openAs(keys.coordinator, "coordinator");
    const row = '#late-shipments tr[data-late="LATE-E2E"]';
    await page.waitForSelector(row);
    await page.click(`${row} button[data-late-find]`);
    await page.waitForSelector('tr[data-options-for="LATE-E2E"] tr[data-option]');
    const options = await page.$$eval('tr[data-options-for="LATE-E2E"] tr[data-option]', (rows) =>
      rows.map((r) => r.getAttribute("data-option")),
    );
    const fromApi = (await api("GET", "/v1/shipments/LATE-E2E/options")).body;
    expect(options).to.deep.equal(fromApi.options.map((o: { container: string }) => o.container));
    expect(options).to.include(`v1-${host.id}`);
    expect(nbsp(await page.textContent('tr[data-options-for="LATE-E2E"]'))).to.match(/Rp [\d.]+/);
    await screenshot(page, "51-coordinator-late-options-id");

    await page.click(
      `tr[data-options-for="LATE-E2E"] tr[data-option="${options[0]}"] button[data-late-assign]`,
    );
    await page.waitForFunction(() =>
      document.querySelector("#late-status")?.textContent?.includes("LATE-E2E"),
    );
    const into = options[0]?.replace(/^v1-/, "v2-");
    expect(await page.textContent("#late-status")).to.equal(
      `Kiriman LATE-E2E masuk kontainer ${into} (rencana versi 2).`,
    );
    await page.waitForFunction(() => !document.querySelector('#late-shipments tr[data-late="LATE-E2E"]'));
    await page.waitForSelector(`#plan-boxes .slot[data-container="${into}"]`);
    const runs = (await api("GET", "/v1/plans")).body.items;
    const s: Scenario = (await api("GET", `/v1/plans/${runs[0].id}/scenario`)).body;
    const p: Plan = (await api("GET", `/v1/plans/${runs[0].id}/plan`)).body;
    expect(checkPlan(s, p)).to.deep.equal([]);
    await screenshot(page, "52-coordinator-late-assigned-id");
  });

  it("shows a BUMDes what each of its shipments costs, and its printable statement", async () => {
    await openAs(keys.bumdes, "bumdes");
    await page.waitForSelector("#bumdes-costs tr[data-shipment]");
    const own = scenario.shipments.filter((s) => s.village === mine.village).map((s) => s.id);
    const listed = await page.$$eval("#bumdes-costs tbody tr[data-shipment]", (r) =>
      r.map((x) => x.getAttribute("data-shipment")),
    );
    expect(listed.length).to.be.greaterThan(0);
    for (const id of listed) expect(own).to.include(id);
    const statement = (await (
      await fetch(`${app.base}/v1/statements?by=bumdes`, {
        headers: { Authorization: `Bearer ${keys.bumdes}` },
      })
    ).json()) as {
      totals: { total: number };
    };
    const total = new Intl.NumberFormat("id-ID", {
      style: "currency",
      currency: "IDR",
      maximumFractionDigits: 0,
    }).format(statement.totals.total);
    expect(nbsp(await page.textContent("#bumdes-costs tfoot"))).to.include(nbsp(total));
    const [popup] = await Promise.all([page.waitForEvent("popup"), page.click("#costs-statement")]);
    await popup.waitForLoadState();
    expect(await popup.title()).to.equal(`Rincian biaya angkut: ${mine.bumdes}`);
    expect(nbsp(await popup.textContent("tfoot"))).to.include(nbsp(total));
    await popup.close();
    await screenshot(page, "53-bumdes-costs-id");
  });

  it("shows an exporter its boxes, its containers marked, and its freight", async () => {
    await openAs(keys.exporter, "exporter", "en");
    await page.waitForSelector("#exporter-boxes article.box");
    expect(await page.$$eval("#exporter-boxes .slot.filled.mine", (s) => s.length)).to.be.greaterThan(0);
    const shares = await page.$$eval("#exporter-boxes dd.share", (d) => d.map((x) => x.textContent));
    expect(shares.length).to.be.greaterThan(0);
    for (const s of shares) expect(nbsp(s)).to.match(/^IDR [\d,]+$/);
    await page.waitForSelector("#exporter-costs tfoot");
    expect(nbsp(await page.textContent("#exporter-costs tfoot"))).to.match(/Total.*IDR/);
    await screenshot(page, "54-exporter-boxes-en");
  });

  it("fits a 390-wide phone: boxes, late shipments and costs with nothing running off the side", async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: "id-ID",
      timezoneId: "Asia/Jakarta",
    });
    try {
      const phone = await context.newPage();
      phone.on("pageerror", (err) => {
        throw err;
      });
      const host = plan.containers.find((c) => c.weightKg <= 2700 && c.sailing && c.type === "C3T")!;
      const like = scenario.shipments.find((x) => x.id === host.stops[0].load[0].shipment)!;
      await api("POST", "/v1/shipments", {
        ...like,
        id: "LATE-PHONE",
        weightKg: 80,
        volumeM3: 0.1,
        packages: 1,
      });
      await openAs(keys.coordinator, "coordinator", "id", phone);
      await phone.waitForSelector("#plan-boxes article.box");
      await phone.click('#late-shipments tr[data-late="LATE-PHONE"] button[data-late-find]');
      await phone.waitForSelector('tr[data-options-for="LATE-PHONE"] tr[data-option]');
      expect(await overflow(phone), (await offside(phone)).join(", ")).to.be.at.most(0);
      expect(await phone.isVisible('tr[data-options-for="LATE-PHONE"] button[data-late-assign]')).to.equal(
        true,
      );
      await screenshot(phone, "55-coordinator-boxes-phone-id");

      await openAs(keys.bumdes, "bumdes", "id", phone);
      await phone.waitForSelector("#bumdes-costs tr[data-shipment]");
      expect(await overflow(phone), (await offside(phone)).join(", ")).to.be.at.most(0);
      expect(await phone.isVisible("#bumdes-costs thead")).to.equal(false); // cards, not a table
      await screenshot(phone, "56-bumdes-costs-phone-id");

      await openAs(keys.exporter, "exporter", "en", phone);
      await phone.waitForSelector("#exporter-boxes article.box");
      await phone.waitForSelector("#exporter-costs tfoot");
      expect(await overflow(phone), (await offside(phone)).join(", ")).to.be.at.most(0);
      await screenshot(phone, "57-exporter-boxes-phone-en");
    } finally {
      await context.close();
    }
  });
});
