/**
 * The dashboard's three views in headless Chromium over a known plan (the views'
 * fixture week, stored through the service's plan store), so what each user reads can
 * be asserted exactly: WITA and WIB pickups on one trip, WIT in Papua, fill bars, the
 * unassigned reason, the map, and both languages.
 */
import { expect } from "chai";
import type { Browser, Page } from "playwright-core";
import { createApiKey } from "../../shared/infra/db/api-keys.repository.js";
import { fixturePlan, fixtureScenario } from "../unit/views/fixtures.js";
import { launchBrowser, screenshot } from "./support/browser.js";
import { dashboardPage, nbsp, offside, openAs as openPage, overflow } from "./support/page-helpers.js";
import { seedReference, seedShipments, storeFixturePlan } from "./support/seed-fixture.js";
import { type RunningApp, startApp } from "./support/start-app.js";

describe("dashboard views in the browser (Chromium, stored fixture plan)", function () {
  this.timeout(120_000);
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const keys = { coordinator: "", bumdesA: "", bumdesP: "", exporterB: "" };

  const openAs = (key: string, tab: string, lang = "id", on: Page = page) =>
    openPage(on, app.base, key, tab, lang);

  before(async () => {
    app = await startApp({ timeLimitMs: 1000 });
    const scenario = fixtureScenario();
    await seedReference(app.dataSource, scenario);
    await seedShipments(app.dataSource, scenario);
    await storeFixturePlan(app.dataSource, scenario, fixturePlan());
    const m = app.dataSource.manager;
    keys.coordinator = (await createApiKey(m, { role: "coordinator" })).key;
    keys.bumdesA = (await createApiKey(m, { role: "bumdes", villages: ["vA", "vB"] })).key;
    keys.bumdesP = (await createApiKey(m, { role: "bumdes", villages: ["vP"] })).key;
    keys.exporterB = (await createApiKey(m, { role: "exporter", exporter: "EXP-B" })).key;
    browser = await launchBrowser();
    page = await dashboardPage(browser);
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("shows the coordinator the week: containers with fill bars, the map and the unassigned reason", async () => {
    await openAs(keys.coordinator, "coordinator");
    await page.waitForSelector('#plan-containers tr[data-container="v1-C1"]');
    const row = nbsp(await page.textContent('#plan-containers tr[data-container="v1-C1"]'));
    expect(row).to.include("Isi (berat): 67% (2.000 kg / 3.000 kg)");
    expect(row).to.include("Sen, 28 Des 2026 08.00 WITA");
    expect(row).to.include("Sen, 28 Des 2026 09.00 WIB");
    expect(row).to.include("Direncanakan");
    const width = await page.$eval(
      '#plan-containers tr[data-container="v1-C1"] .bar i',
      (el) => (el as HTMLElement).style.width,
    );
    expect(width).to.equal("66.7%");
    expect(await page.$$eval("#plan-map polyline.route", (l) => l.length)).to.equal(2);
    const unassigned = await page.textContent('#plan-unassigned tr[data-shipment="S3"]');
    expect(unassigned).to.include("Terlalu besar");
    expect(unassigned).to.include("exceeds every container");
    expect(nbsp(await page.textContent("#plan-summary"))).to.include("Rp 6.070.000");
    // the crabs need a reefer of their own and the dry goods another: 2 is the least possible
    const tile = page.locator("#plan-summary div", { hasText: "Kontainer" });
    expect(nbsp(await tile.locator("b").textContent())).to.equal("2 · paling sedikit 2");
    expect(await tile.getAttribute("title")).to.match(/^Tidak ada rencana .* kurang dari 2 kontainer/);
    expect(await page.textContent("#plan-summary .summary-note")).to.equal(await tile.getAttribute("title"));
    await screenshot(page, "10-coordinator-fixture-id");
  });

  it("shows each BUMDes its pickups in its own zone: WITA, WIB, WIT", async () => {
    await openAs(keys.bumdesA, "bumdes");
    await page.waitForSelector('#village-select option[value="vA"]', { state: "attached" });
    await page.selectOption("#village-select", "vA");
    await page.waitForSelector('#pickups tr.pickup[data-container="v1-C1"]');
    expect(await page.textContent("#pickups .pickup-when")).to.equal("08.00WITA");
    await page.selectOption("#village-select", "vB");
    await page.waitForFunction(
      () => document.querySelector("#pickups .pickup-when")?.textContent === "09.00WIB",
    );
    await screenshot(page, "11-bumdes-fixture-wib-id");
    await openAs(keys.bumdesP, "bumdes", "en");
    await page.waitForSelector('#pickups tr.pickup[data-container="v1-C2"]');
    expect(await page.textContent("#pickups .pickup-when")).to.equal("08:00WIT");
    expect(await page.textContent("#pickups tr.pickup td:first-child")).to.equal("Mon, 28 Dec 2026");
    await screenshot(page, "12-bumdes-fixture-wit-en");
  });

  it("shows the exporter its container's fill, sailing and cut-off countdown, and nothing else", async () => {
    await openAs(keys.exporterB, "exporter", "en");
    await page.waitForSelector("#exporter-containers article");
    const ids = await page.$$eval("#exporter-containers article", (a) =>
      a.map((el) => el.getAttribute("data-container")),
    );
    expect(ids).to.deep.equal(["v1-C1"]);
    const card = nbsp(await page.textContent("#exporter-containers article"));
    expect(card).to.include("Fill (weight): 67% (2,000 kg / 3,000 kg)");
    expect(card).to.include("Tue, 29 Dec 2026 08:00 WITA"); // cut-off, in the port's zone
    expect(card).to.match(/Cut-off in \d+ d/);
    await screenshot(page, "13-exporter-fixture-en");
  });

  it("opens a printable manifest from the dashboard", async () => {
    await openAs(keys.coordinator, "coordinator", "en");
    await page.waitForSelector('#plan-containers tr[data-container="v1-C1"]');
    const [popup] = await Promise.all([
      page.waitForEvent("popup"),
      page.click('#plan-containers tr[data-container="v1-C1"] button[data-download]'),
    ]);
    await popup.waitForLoadState();
    expect(await popup.title()).to.equal("Container manifest v1-C1");
    expect(await popup.$$eval("tbody tr", (r) => r.length)).to.equal(2);
    await screenshot(popup, "14-manifest-en");
    await popup.close();
  });

  it("fits a 390-wide phone: pickups and containers as cards, nothing running off the side", async () => {
    const phoneContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: "id-ID",
      timezoneId: "Asia/Jakarta",
    });
    try {
      const phone = await phoneContext.newPage();
      phone.on("pageerror", (err) => {
        throw err;
      });

      await openAs(keys.bumdesA, "bumdes", "id", phone);
      await phone.waitForSelector('#village-select option[value="vA"]', { state: "attached" });
      await phone.selectOption("#village-select", "vA");
      const card = '#pickups tr.pickup[data-container="v1-C1"]';
      await phone.waitForSelector(card);
      // The page's own load and the select's change both render vA's pickups: let the second
      // land before reading a card ($eval finds the element, then evaluates: a render between
      // the two detaches it and its computed display reads '').
      await phone.waitForLoadState("networkidle");
      expect(await overflow(phone), (await offside(phone)).join(", ")).to.be.at.most(0);
      // a card, not a table row: the column heads are gone, the cells stack, the hour is large
      expect(await phone.isVisible("#pickups thead")).to.equal(false);
      expect(await phone.$eval(card, (el) => getComputedStyle(el).display)).to.equal("block");
      const when = await phone.$eval(`${card} .pickup-when`, (el) => ({
        size: Number.parseFloat(getComputedStyle(el).fontSize),
        text: el.textContent,
      }));
      expect(when.text).to.equal("08.00WITA");
      expect(when.size).to.be.at.least(20);
      const cardText = nbsp(await phone.textContent(card));
      expect(cardText).to.include("Sen, 28 Des 2026");
      expect(cardText).to.include("avocado");
      expect(cardText).to.include("v1-C1");
      expect(cardText).to.include("Direncanakan");
      // each value keeps its label, written by the stylesheet from data-label
      expect(await phone.$eval(`${card} td[data-label] `, (el) => el.getAttribute("data-label"))).to.equal(
        "Yang dimuat",
      );
      await screenshot(phone, "40-bumdes-phone-id");

      await openAs(keys.exporterB, "exporter", "en", phone);
      await phone.waitForSelector('#exporter-containers article[data-container="v1-C1"]');
      expect(await overflow(phone), (await offside(phone)).join(", ")).to.be.at.most(0);
      await screenshot(phone, "41-exporter-phone-en");

      await openAs(keys.coordinator, "coordinator", "id", phone);
      const row = '#plan-containers tr[data-container="v1-C1"]';
      await phone.waitForSelector(row);
      await phone.waitForSelector("#keys-live");
      expect(await overflow(phone), (await offside(phone)).join(", ")).to.be.at.most(0);
      expect(await phone.$eval(row, (el) => getComputedStyle(el).display)).to.equal("block");
      expect(await phone.isVisible(`${row} button.act`)).to.equal(true); // Konfirmasi, within reach
      expect(nbsp(await phone.textContent("#plan-summary"))).to.include("2 · paling sedikit 2");
      expect(await phone.isVisible("#plan-summary .summary-note")).to.equal(true); // no hover on a phone
      await screenshot(phone, "42-coordinator-phone-id");
    } finally {
      await phoneContext.close();
    }
  });

  it("moves a container through its lifecycle from the browser, showing a refused move in words", async () => {
    const c1 = '#plan-containers tr[data-container="v1-C1"]';
    await openAs(keys.coordinator, "coordinator");
    await page.waitForSelector(c1);
    await page.click(`${c1} button.act`); // Konfirmasi
    await page.waitForSelector(`${c1} .status[data-status="confirmed"]`);
    expect(await page.textContent(`${c1} button.act`)).to.equal('Catat dijemput: Desa Sungai Tabuk, "Hulu"');

    // The BUMDes of the second stop tries first: the API refuses, and the page says why.
    await openAs(keys.bumdesA, "bumdes");
    await page.waitForSelector('#village-select option[value="vB"]', { state: "attached" });
    await page.selectOption("#village-select", "vB");
    const row = '#pickups tr.pickup[data-container="v1-C1"]';
    await page.waitForFunction(
      (sel) => document.querySelector(`${sel} button.act`)?.textContent === "Tandai sudah dimuat",
      row,
    );
    await page.click(`${row} button.act`);
    await page.waitForSelector(`${row} .act-error:not(:empty)`);
    expect(await page.textContent(`${row} .act-error`)).to.equal(
      "Ditolak: stops are picked up in route order: stop 0 comes first",
    );
    await screenshot(page, "15-bumdes-refused-move-id");
    await page.selectOption("#village-select", "vA");
    await page.waitForFunction((sel) => !!document.querySelector(`${sel} button.act`), row);
    await page.click(`${row} button.act`);
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent?.includes("✓ Sudah dimuat"),
      row,
    );
    await page.selectOption("#village-select", "vB");
    await page.waitForFunction((sel) => !!document.querySelector(`${sel} button.act`), row);
    await page.click(`${row} button.act`);
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent?.includes("✓ Sudah dimuat"),
      row,
    );

    await openAs(keys.coordinator, "coordinator");
    await page.waitForSelector(`${c1} .status[data-status="picked-up"]`);
    await page.click(`${c1} button.act`); // Tiba di pelabuhan
    await page.waitForSelector(`${c1} .status[data-status="at-port"]`);
    await page.click(`${c1} button.act`); // Sudah berlayar
    await page.waitForSelector(`${c1} .status[data-status="sailed"]`);
    expect(await page.$(`${c1} button.act`)).to.equal(null);
    expect(await page.textContent(`${c1} .status`)).to.equal("Berlayar");
    await screenshot(page, "16-coordinator-sailed-id");

    // who changed it and when is kept by the service
    const res = await fetch(`${app.base}/v1/containers/v1-C1`, {
      headers: { Authorization: `Bearer ${keys.coordinator}` },
    });
    const view = (await res.json()) as { history: { status: string; role: string }[] };
    expect(view.history.map((h) => `${h.status}/${h.role}`)).to.deep.equal([
      "planned/planner",
      "confirmed/coordinator",
      "picking-up/bumdes",
      "picked-up/bumdes",
      "at-port/coordinator",
      "sailed/coordinator",
    ]);

    await openAs(keys.exporterB, "exporter", "en");
    await page.waitForSelector(
      '#exporter-containers article[data-container="v1-C1"] .status[data-status="sailed"]',
    );
    expect(await page.textContent("#exporter-containers article .status")).to.equal("Sailed");
  });
});
