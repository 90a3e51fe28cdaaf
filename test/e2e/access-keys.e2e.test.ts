/**
 * A coordinator hands out access in the browser (headless Chromium, real app on
 * PostgreSQL, the views' fixture week stored through the service's plan store):
 *   creates a BUMDes key for one village, sees it once and copies it,
 *   the key opens that village's pickups (and only its villages) in a fresh browser,
 *   the coordinator revokes it and the key then gets 401,
 *   the API's field errors and refusals are shown in words, in both languages,
 *   on a 1280-wide screen and on a 390-wide phone.
 * Screenshots land in test/e2e/screenshots/ (30-...).
 */
import { join } from "node:path";
import { expect } from "chai";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { checkPlan } from "../../shared/core/check/check-plan.js";
import { createApiKey } from "../../shared/infra/db/api-keys.repository.js";
import { fixturePlan, fixtureScenario } from "../unit/views/fixtures.js";
import { launchBrowser, SCREENSHOT_DIR, screenshot } from "./support/browser.js";
import { seedReference, seedShipments, storeFixturePlan } from "./support/seed-fixture.js";
import { type RunningApp, startApp } from "./support/start-app.js";

const PANEL = "#access-keys";
const FORM = "#key-create-form";
const LABEL = "BUMDes Tumbang (uji)";

interface KeyRow {
  id: string;
  role: string;
  label: string | null;
  villages: string[] | null;
  exporter: string | null;
  revokedAt: string | null;
  expiresAt: string | null;
}

describe("access keys in the coordinator's dashboard (Chromium, real app)", function () {
  this.timeout(120_000);
  let app: RunningApp;
  let browser: Browser;
  let coordinatorContext: BrowserContext;
  let page: Page;
  let coordinatorKey = "";
  let newKey = "";

  const api = (path: string, key: string, init: RequestInit = {}) =>
    fetch(`${app.base}${path}`, { ...init, headers: { Authorization: `Bearer ${key}`, ...init.headers } });
  const listKeys = async () =>
    ((await (await api("/v1/keys", coordinatorKey)).json()) as { items: KeyRow[] }).items;

  const newPage = async (context: BrowserContext) => {
    const p = await context.newPage();
    p.on("pageerror", (err) => {
      throw err;
    });
    return p;
  };
  const openPanel = async (p: Page, lang = "id") => {
    await p.goto(`${app.base}/?lang=${lang}#coordinator`);
    await p.evaluate((k) => localStorage.setItem("muatan.apiKey", k), coordinatorKey);
    await p.reload();
    await p.waitForSelector(`${PANEL}:not([hidden])`);
    await p.waitForSelector(`${PANEL} #keys-live tr[data-key-id]`);
    await p.waitForSelector(`${FORM} .pick`);
  };
  const panelShot = async (p: Page, name: string) => {
    await p.locator(PANEL).screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
  };
  const fieldError = (p: Page, name: string) => p.textContent(`${FORM} [data-error-for="${name}"]`);

  before(async () => {
    app = await startApp({ timeLimitMs: 1000 });
    const scenario = fixtureScenario();
    const plan = fixturePlan();
    expect(checkPlan(scenario, plan), "the fixture plan the pickups come from").to.deep.equal([]);
    await seedReference(app.dataSource, scenario);
    await seedShipments(app.dataSource, scenario);
    await storeFixturePlan(app.dataSource, scenario, plan);
    coordinatorKey = (
      await createApiKey(app.dataSource.manager, { role: "coordinator", label: "Koordinator uji" })
    ).key;
    browser = await launchBrowser();
    coordinatorContext = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: "id-ID",
      timezoneId: "Asia/Jakarta",
    });
    await coordinatorContext.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.base });
    page = await newPage(coordinatorContext);
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("shows the coordinator the panel with the key in use, which cannot be revoked", async () => {
    await openPanel(page);
    expect(await page.textContent(`${PANEL} h2`)).to.equal("Kunci akses");
    const rows = await page.$$(`${PANEL} #keys-live tr[data-key-id]`);
    expect(rows).to.have.length(1);
    const mine = (await rows[0].textContent()) ?? "";
    expect(mine).to.include("Koordinator uji");
    expect(mine).to.include("Kunci yang sedang Anda pakai");
    expect(mine).to.include(coordinatorKey.slice(0, 8));
    expect(await rows[0].$("button[data-revoke]")).to.equal(null);
    // village names come as entered, markup and all, never as HTML
    expect(await page.textContent(`${FORM} .pick[data-village="vA"]`)).to.include(
      'Desa Sungai Tabuk, "Hulu"BUMDes Maju & Jaya <1> · WITA · vA',
    );
  });

  it("shows the API's field errors under the fields and creates nothing", async () => {
    await page.selectOption(`${FORM} [name=role]`, "bumdes");
    await page.click("#key-create");
    await page.waitForSelector(`${FORM} [data-error-for="villages"]:not(:empty)`);
    expect(await fieldError(page, "villages")).to.equal("pilih minimal satu desa");
    expect(await page.getAttribute(`${FORM} [data-field="villages"]`, "class")).to.include("invalid");
    expect(await page.textContent("#key-create-status")).to.equal("Periksa isian yang ditandai.");

    await page.selectOption(`${FORM} [name=role]`, "exporter");
    expect(await page.isVisible(`${FORM} [data-field="villages"]`)).to.equal(false);
    await page.click("#key-create");
    await page.waitForSelector(`${FORM} [data-error-for="exporter"]:not(:empty)`);
    expect(await fieldError(page, "exporter")).to.equal("wajib diisi untuk kunci eksportir");
    expect(await fieldError(page, "villages")).to.equal("");
    expect(await page.isHidden("#key-new")).to.equal(true);
    expect(await listKeys()).to.have.length(1);
    await panelShot(page, "30-coordinator-keys-error-id");
  });

  it("creates a BUMDes key for one village and shows it once, with a copy button", async () => {
    await page.selectOption(`${FORM} [name=role]`, "bumdes");
    await page.fill(`${FORM} [name=label]`, LABEL);
    await page.fill("#new-key-villages", "tumbang");
    expect(await page.isVisible(`${FORM} .pick[data-village="vA"]`)).to.equal(false);
    await page.check(`${FORM} .pick[data-village="vB"] input`);
    expect(await page.textContent(`${FORM} .village-count`)).to.equal("1 desa dipilih");
    await page.fill(`${FORM} [name=expiresAt]`, "2099-01-31"); // valid through that day, WIB
    await page.click("#key-create");
    await page.waitForSelector("#key-new:not([hidden])");

    newKey = await page.inputValue("#key-new-value");
    expect(newKey).to.match(/^mua_[A-Za-z0-9_-]{32}$/);
    expect(await page.textContent("#key-new-who")).to.equal(`Kunci baru untuk ${LABEL}:`);
    expect(await page.textContent("#key-new")).to.include("hanya ditampilkan sekali ini");
    await page.click("#key-copy");
    await page.waitForSelector("#key-copy-status.ok");
    expect(await page.textContent("#key-copy-status")).to.equal("Tersalin.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).to.equal(newKey);

    // the form is ready for the next key, the errors are gone, the list has the new one
    expect(await page.inputValue(`${FORM} [name=label]`)).to.equal("");
    expect(await fieldError(page, "villages")).to.equal("");
    const row = `${PANEL} #keys-live tr:has-text("${LABEL}")`;
    await page.waitForSelector(row);
    const text = (await page.textContent(row)) ?? "";
    expect(text).to.include("BUMDes");
    expect(text).to.include("Desa Tumbang; Hilir");
    expect(text).to.match(/\d{1,2} \w{3} \d{4},? \d{2}\.\d{2} WIB/);
    expect(text).to.match(/31 Jan 2099,? 23\.59 WIB/);
    expect(await page.isVisible(`${row} button[data-revoke]`)).to.equal(true);
    await screenshot(page, "31-coordinator-key-created-id");
    await panelShot(page, "30-coordinator-keys-id");

    const stored = (await listKeys()).find((k) => k.label === LABEL);
    expect(stored).to.include({ role: "bumdes", exporter: null, revokedAt: null });
    expect(stored?.villages).to.deep.equal(["vB"]);
    expect(stored?.expiresAt).to.equal("2099-01-31T16:59:59.000Z");

    // Shown once: closing forgets it, and a reload never brings it back.
    await page.click("#key-new-close");
    expect(await page.isHidden("#key-new")).to.equal(true);
    expect(await page.inputValue("#key-new-value")).to.equal("");
    await openPanel(page);
    expect(await page.content()).to.not.include(newKey);
  });

  it("opens that village's pickups, and only its villages, with the new key in a fresh browser", async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: "id-ID",
      timezoneId: "Asia/Jayapura", // the phone's clock must not matter: the village's does
    });
    try {
      const bumdes = await newPage(context);
      await bumdes.goto(`${app.base}/`);
      await bumdes.fill("#api-key", newKey);
      await bumdes.click("#key-form button[type=submit]");
      await bumdes.waitForSelector("#key-status.ok");
      await bumdes.waitForSelector("#bumdes:not([hidden])"); // the tab opens on the key's role
      expect(await bumdes.textContent("#key-status")).to.equal("Kunci tersimpan di peramban ini. BUMDes");
      const villages = await bumdes.$$eval("#village-select option", (o) =>
        o.map((x) => (x as HTMLOptionElement).value),
      );
      expect(villages).to.deep.equal(["vB"]);
      const row = '#pickups tr.pickup[data-container="v1-C1"]';
      await bumdes.waitForSelector(row);
      expect(await bumdes.textContent(`${row} .pickup-when`)).to.equal("09.00WIB");
      await screenshot(bumdes, "34-bumdes-new-key-pickups-id");

      // the coordinator's panel is not this key's to see
      await bumdes.evaluate(() => {
        location.hash = "coordinator";
      });
      await bumdes.waitForSelector("#coordinator:not([hidden])");
      expect(await bumdes.isHidden(PANEL)).to.equal(true);
    } finally {
      await context.close();
    }
    expect((await api("/web/data/pickups?village=vA", newKey)).status).to.be.oneOf([403, 404]);
    expect((await api("/v1/keys", newKey)).status).to.equal(403);
  });

  it("revokes the key after a confirm, after which the key gets 401", async () => {
    const row = `${PANEL} #keys-live tr:has-text("${LABEL}")`;
    // Cancelling the confirm changes nothing.
    const dismissed = new Promise<string>((resolve) =>
      page.once("dialog", (d) => {
        resolve(d.message());
        void d.dismiss();
      }),
    );
    await page.click(`${row} button[data-revoke]`);
    expect(await dismissed).to.include(LABEL);
    expect((await api("/v1/me", newKey)).status).to.equal(200);
    expect(await page.isVisible(row)).to.equal(true);

    page.once("dialog", (d) => void d.accept());
    await page.click(`${row} button[data-revoke]`);
    await page.waitForSelector("#keys-status.ok");
    expect(await page.textContent("#keys-status")).to.equal(`Kunci ${LABEL} dicabut.`);
    await page.waitForSelector(row, { state: "detached" });
    expect(await page.textContent(`${PANEL} .keys-revoked summary`)).to.equal("Kunci yang sudah dicabut (1)");
    await page.click(`${PANEL} .keys-revoked summary`);
    expect(await page.textContent(`${PANEL} #keys-revoked`)).to.include(LABEL);

    const me = await api("/v1/me", newKey);
    expect(me.status).to.equal(401);
    expect(((await me.json()) as { errors: { message: string }[] }).errors[0].message).to.equal(
      "unknown or revoked API key",
    );
    expect((await api("/web/data/pickups?village=vB", newKey)).status).to.equal(401);
    expect((await listKeys()).find((k) => k.label === LABEL)?.revokedAt).to.be.a("string");
  });

  it("shows the API's refusal beside the button when a key was revoked elsewhere meanwhile", async () => {
    const other = await (
      await api("/v1/keys", coordinatorKey, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ role: "exporter", exporter: "EXP-B", label: "Eksportir B" }),
      })
    ).json();
    await openPanel(page);
    const row = `${PANEL} #keys-live tr[data-key-id="${other.id}"]`;
    expect(await page.textContent(row)).to.include("EXP-B");
    expect((await api(`/v1/keys/${other.id}`, coordinatorKey, { method: "DELETE" })).status).to.equal(204);

    page.once("dialog", (d) => void d.accept());
    await page.click(`${row} button[data-revoke]`);
    await page.waitForSelector(`${row} .act-error:not(:empty)`);
    expect(await page.textContent(`${row} .act-error`)).to.equal("Ditolak: the key is already revoked");
  });

  it("reads well in English and on a 390-wide phone", async () => {
    await createApiKey(app.dataSource.manager, {
      role: "exporter",
      exporter: "EXP-OLD",
      label: "Kunci lama",
      expiresAt: new Date("2020-01-31T16:59:59Z"),
    });
    const en = await newPage(coordinatorContext);
    await openPanel(en, "en");
    expect(await en.textContent(`${PANEL} h2`)).to.equal("Access keys");
    expect(await en.textContent("#key-create")).to.equal("Create key");
    const heads = await en.$$eval(`${PANEL} #keys-live th`, (th) => th.map((h) => h.textContent));
    expect(heads).to.deep.equal([
      "Role",
      "Holder / note",
      "Villages / exporter",
      "Key starts",
      "Created",
      "Valid until",
      "",
    ]);
    // a key past its end date says so; one without reads "no end date"
    const expired = `${PANEL} #keys-live tr:has-text("Kunci lama")`;
    await en.waitForSelector(expired);
    expect(await en.textContent(`${expired} .expired`)).to.equal("Expired");
    expect(await en.textContent(`${PANEL} #keys-live tr:has-text("Koordinator uji")`)).to.include(
      "no end date",
    );
    await en.selectOption(`${FORM} [name=role]`, "bumdes");
    await en.click("#key-create");
    await en.waitForSelector(`${FORM} [data-error-for="villages"]:not(:empty)`);
    expect(await fieldError(en, "villages")).to.equal("choose at least one village");
    await panelShot(en, "33-coordinator-keys-en");
    await en.close();

    const phoneContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: "id-ID",
      timezoneId: "Asia/Jakarta",
    });
    try {
      const phone = await newPage(phoneContext);
      await openPanel(phone);
      await phone.fill(`${FORM} [name=label]`, "Telepon");
      await phone.check(`${FORM} .pick[data-village="vA"] input`);
      await phone.click("#key-create");
      await phone.waitForSelector("#key-new:not([hidden])");
      // nothing in the panel runs off the side of a phone
      const overflow = await phone.$eval(PANEL, (el) => el.scrollWidth - el.clientWidth);
      expect(overflow).to.be.at.most(0);
      const keyBox = await phone.locator("#key-new-value").boundingBox();
      expect(keyBox!.x + keyBox!.width).to.be.at.most(390);
      // rows become labelled cards: each cell says what it is
      const label = await phone.$eval(
        `${PANEL} #keys-live tr:has-text("Telepon") td[data-label]`,
        (td) => getComputedStyle(td, "::before").content,
      );
      expect(label).to.equal('"Peran"');
      await panelShot(phone, "32-coordinator-keys-phone-id");
    } finally {
      await phoneContext.close();
    }
  });
});
