/**
 * The three users do their jobs in a real browser (headless Chromium) against the real
 * app on PostgreSQL with in-process planning:
 *   BUMDes registers a shipment through the form (and sees a field error first),
 *   the coordinator runs planning and watches it finish,
 *   the BUMDes sees the pickup at the plan's loadStart in the village's own clock (WIB),
 *   the exporter sees the container's fill, and the language switch works.
 * Screenshots land in test/e2e/screenshots/.
 */
import { readFileSync } from "node:fs";
import { expect } from "chai";
import { DateTime } from "luxon";
import type { Browser, Page } from "playwright-core";
import { checkPlan } from "../../shared/core/check/check-plan.js";
import type { Plan } from "../../shared/core/model/plan.js";
import type { Scenario } from "../../shared/core/model/scenario.js";
import { createApiKey } from "../../shared/infra/db/api-keys.repository.js";
import { fixtureScenario } from "../unit/views/fixtures.js";
import { launchBrowser, screenshot } from "./support/browser.js";
import { seedReference, seedShipments } from "./support/seed-fixture.js";
import { type RunningApp, startApp } from "./support/start-app.js";

const VILLAGE = "vB"; // Desa Tumbang; Hilir, Asia/Pontianak (WIB), pickups 09:00-15:00
const VILLAGE_ZONE = "Asia/Pontianak";

async function useKey(page: Page, key: string, tab: string) {
  await page.fill("#api-key", key);
  await page.click("#key-form button[type=submit]");
  await page.waitForSelector("#key-status.ok");
  await page.evaluate((t) => {
    location.hash = t;
  }, tab);
  await page.waitForSelector(`#${tab}:not([hidden])`);
}

describe("dashboard in the browser (Chromium, real app)", function () {
  this.timeout(180_000);
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const keys: Record<"coordinator" | "bumdes" | "exporter", string> = {
    coordinator: "",
    bumdes: "",
    exporter: "",
  };
  let expected: { container: string; loadStart: string; time: string; date: string };

  before(async () => {
    app = await startApp({ timeLimitMs: 1500 });
    const { travel: _matrixOnlyForUnitTests, ...scenario } = fixtureScenario();
    await seedReference(app.dataSource, scenario as Scenario);
    // another village's shipment of another exporter, so containers can be shared
    await seedShipments(app.dataSource, {
      ...(scenario as Scenario),
      shipments: scenario.shipments.filter((s) => s.id === "S1"),
    });
    keys.coordinator = (await createApiKey(app.dataSource.manager, { role: "coordinator" })).key;
    keys.bumdes = (await createApiKey(app.dataSource.manager, { role: "bumdes", villages: [VILLAGE] })).key;
    keys.exporter = (await createApiKey(app.dataSource.manager, { role: "exporter", exporter: "EXP-B" })).key;
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: "Asia/Jakarta",
      locale: "id-ID",
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on("pageerror", (err) => {
      throw err;
    });
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("opens in Bahasa Indonesia and asks for a key", async () => {
    await page.goto(`${app.base}/`);
    expect(await page.getAttribute("html", "lang")).to.equal("id-ID");
    expect(await page.textContent("#key-status")).to.equal("Masukkan kunci akses Anda terlebih dahulu.");
    expect(await page.textContent(".tabs")).to.include("Koordinator");
  });

  it("lets a BUMDes register a shipment, showing the API's field errors first", async () => {
    await useKey(page, keys.bumdes, "bumdes");
    await page.waitForSelector(`#village-select option[value="${VILLAGE}"]`, { state: "attached" });
    await page.selectOption("#village-select", VILLAGE);
    const form = "#shipment-form";
    await page.fill(`${form} [name=id]`, "E2E-1");
    await page.fill(`${form} [name=product]`, "banana-flour");
    await page.fill(`${form} [name=weightKg]`, "-5");
    await page.click(`${form} button[type=submit]`);
    await page.waitForSelector('[data-error-for="weightKg"]:not(:empty)');
    expect(await page.textContent('[data-error-for="weightKg"]')).to.equal("harus lebih dari 0");
    expect(await page.getAttribute('[data-field="weightKg"]', "class")).to.include("invalid");
    await screenshot(page, "01-bumdes-field-error-id");

    await page.fill(`${form} [name=weightKg]`, "800");
    await page.fill(`${form} [name=volumeM3]`, "2");
    await page.fill(`${form} [name=packages]`, "4");
    await page.fill(`${form} [name=readyAt]`, "2026-12-28T06:00");
    await page.fill(`${form} [name=destination]`, "sg");
    await page.fill(`${form} [name=exporter]`, "EXP-B");
    // pressed twice before the answer comes: one key for both, so one write and two 201s
    const answers: number[] = [];
    const keysSent = new Set<string>();
    const onResponse = (r: import("playwright-core").Response) => {
      if (r.request().method() === "POST" && r.url().endsWith("/v1/shipments")) {
        answers.push(r.status());
        keysSent.add(r.request().headers()["idempotency-key"] ?? "(none)");
      }
    };
    page.on("response", onResponse);
    await page.dblclick(`${form} button[type=submit]`);
    for (let i = 0; i < 100 && answers.length < 2; i++) await page.waitForTimeout(100);
    page.off("response", onResponse);
    expect(answers).to.deep.equal([201, 201]);
    expect([...keysSent]).to.have.length(1);
    expect([...keysSent][0]).to.match(/^[0-9a-f]{32}$/);
    await page.waitForSelector("#shipment-status.ok");
    expect(await page.textContent("#shipment-status")).to.equal("Kiriman E2E-1 terdaftar.");
    expect(await page.textContent('[data-error-for="weightKg"]')).to.equal("");
    // the new shipment shows under the pickups at once, waiting for the next plan
    const waiting = '#waiting tr.waiting[data-shipment="E2E-1"][data-status="open"]';
    await page.waitForSelector(waiting);
    expect(await page.textContent("#waiting-title")).to.equal("Belum masuk jadwal penjemputan");
    expect(await page.textContent(waiting)).to.include("Menunggu rencana berikutnya");

    const res = await fetch(`${app.base}/v1/shipments/E2E-1`, {
      headers: { Authorization: `Bearer ${keys.bumdes}` },
    });
    const stored = (await res.json()) as { readyAt: string; destination: string; weightKg: number };
    // typed as 06:00 in the village's clock (WIB), whatever the browser's zone
    expect(Date.parse(stored.readyAt)).to.equal(Date.parse("2026-12-28T06:00:00+07:00"));
    expect(stored.destination).to.equal("SG");
    expect(stored.weightKg).to.equal(800);
  });

  it("lets the coordinator run planning and watch it finish", async () => {
    await useKey(page, keys.coordinator, "coordinator");
    await page.waitForSelector('#plan-region option[value="Kalimantan"]', { state: "attached" });
    await page.selectOption("#plan-region", "Kalimantan");
    await page.fill("#plan-start", "2026-12-27");
    await page.fill("#plan-end", "2027-01-03");
    await page.click("#plan-run");
    await page.waitForFunction(
      () => {
        const status = document.querySelector("#plan-status");
        return status?.textContent === "Rencana selesai." || status?.classList.contains("error");
      },
      null,
      { timeout: 120_000 },
    );
    if ((await page.textContent("#plan-status")) !== "Rencana selesai.")
      await screenshot(page, "02-coordinator-plan-FAILED");
    expect(await page.textContent("#plan-status")).to.equal("Rencana selesai.");
    await page.waitForSelector("#plan-containers tr[data-container]");
    expect(await page.isVisible("#plan-map svg.route-map")).to.equal(true);
    await screenshot(page, "02-coordinator-plan-id");

    // The plan as the service stored it, checked independently, gives the expected pickup.
    const auth = { headers: { Authorization: `Bearer ${keys.coordinator}` } };
    const runs = (await (await fetch(`${app.base}/v1/plans`, auth)).json()) as {
      items: { id: string; version: number }[];
    };
    const run = runs.items[0];
    const plan = (await (await fetch(`${app.base}/v1/plans/${run.id}/plan`, auth)).json()) as Plan;
    const scenario = (await (
      await fetch(`${app.base}/v1/plans/${run.id}/scenario`, auth)
    ).json()) as Scenario;
    expectFeasible(scenario, plan);
    const container = plan.containers.find((c) =>
      c.stops.some((s) => s.load.some((l) => l.shipment === "E2E-1")),
    );
    expect(container, "the registered shipment is in a container").to.not.equal(undefined);
    const stop = container!.stops.find((s) => s.village === VILLAGE)!;
    const local = DateTime.fromISO(stop.loadStart).setZone(VILLAGE_ZONE);
    expected = {
      container: `v${run.version}-${container!.id}`,
      loadStart: stop.loadStart,
      time: local.toFormat("HH.mm"),
      date: local
        .setLocale("id-ID")
        .toLocaleString({ weekday: "short", day: "numeric", month: "short", year: "numeric" }),
    };
    expect(await page.isVisible(`#plan-containers tr[data-container="${expected.container}"]`)).to.equal(
      true,
    );
  });

  it("shows the BUMDes the pickup at the plan's time in the village's own clock, with a calendar file", async () => {
    await useKey(page, keys.bumdes, "bumdes");
    const row = `#pickups tr.pickup[data-container="${expected.container}"]`;
    await page.waitForSelector(row);
    expect(await page.getAttribute(row, "data-load-start")).to.equal(expected.loadStart);
    expect(await page.textContent(`${row} .pickup-when`)).to.equal(`${expected.time}WIB`);
    expect(await page.textContent(`${row} td:first-child`)).to.equal(expected.date);
    expect(await page.textContent(row)).to.include("E2E-1 · banana-flour · 4 koli · 800 kg");
    await screenshot(page, "03-bumdes-pickups-id");

    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#pickups-ics")]);
    expect(download.suggestedFilename()).to.equal(`pickups-${VILLAGE}.ics`);
    const ics = readFileSync((await download.path())!, "utf8").replace(/\r\n[ \t]/g, "");
    const utc = DateTime.fromISO(expected.loadStart).toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");
    expect(ics).to.include(`DTSTART:${utc}`);
    expect(ics).to.include(`kontainer ${expected.container}`);
  });

  it("shows the exporter the container's fill and its sailing", async () => {
    await useKey(page, keys.exporter, "exporter");
    const card = `#exporter-containers article[data-container="${expected.container}"]`;
    await page.waitForSelector(card);
    const text = (await page.textContent(card)) ?? "";
    expect(text).to.match(/Isi \(berat\): \d+%/);
    expect(text).to.include("IDBDJ-1");
    expect(text).to.include("Cut-off dalam");
    const barWidth = await page.$eval(`${card} .bar i`, (el) => (el as HTMLElement).style.width);
    expect(Number.parseFloat(barWidth)).to.be.greaterThan(0);
    await screenshot(page, "04-exporter-id");
  });

  it("switches to English, keeping the open view, with times in the English format", async () => {
    await useKey(page, keys.bumdes, "bumdes");
    await Promise.all([page.waitForURL(/lang=en/), page.click('.lang a[data-lang="en"]')]);
    expect(await page.getAttribute("html", "lang")).to.equal("en-GB");
    await page.waitForSelector("#bumdes:not([hidden])");
    expect(await page.textContent("#bumdes h2")).to.equal("Pickup schedule");
    const row = `#pickups tr.pickup[data-container="${expected.container}"]`;
    await page.waitForSelector(row);
    expect(await page.textContent(`${row} .pickup-when`)).to.equal(`${expected.time.replace(".", ":")}WIB`);
    expect(await page.textContent(row)).to.include("4 packages");
    await screenshot(page, "05-bumdes-pickups-en");
    await page.evaluate(() => {
      location.hash = "coordinator";
    });
    await page.fill("#api-key", keys.coordinator);
    await page.click("#key-form button[type=submit]");
    await page.waitForSelector("#plan-containers tr[data-container]");
    expect(await page.textContent("#plan-run")).to.equal("Start planning");
    await screenshot(page, "06-coordinator-plan-en");
  });
});

function expectFeasible(scenario: Scenario, plan: Plan) {
  expect(checkPlan(scenario, plan)).to.deep.equal([]);
}
