/**
 * Standard security headers on every answer, with a Content-Security-Policy the pages the
 * service serves still work under: the dashboard (its script, its inline style
 * attributes, the route map, a printable manifest in a popup) and Swagger UI at /docs.
 * Headless Chromium reports any CSP violation; there must be none.
 */
import { expect } from "chai";
import type { Browser, Page } from "playwright-core";
import { checkPlan } from "../../shared/core/check/check-plan.js";
import { createApiKey } from "../../shared/infra/db/api-keys.repository.js";
import { fixturePlan, fixtureScenario } from "../unit/views/fixtures.js";
import { launchBrowser } from "./support/browser.js";
import { seedReference, seedShipments, storeFixturePlan } from "./support/seed-fixture.js";
import { type RunningApp, startApp } from "./support/start-app.js";

const NOW = new Date("2026-12-20T00:00:00Z");

describe("security headers and the pages under them (Chromium, real app)", function () {
  this.timeout(120_000);
  let app: RunningApp;
  let browser: Browser;
  let key = "";

  before(async () => {
    app = await startApp({ timeLimitMs: 500, now: () => NOW });
    const scenario = fixtureScenario();
    expect(checkPlan(scenario, fixturePlan())).to.deep.equal([]);
    await seedReference(app.dataSource, scenario);
    await seedShipments(app.dataSource, scenario);
    await storeFixturePlan(app.dataSource, scenario, fixturePlan());
    key = (await createApiKey(app.dataSource.manager, { role: "coordinator" })).key;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("sends the standard headers on pages, API answers, errors and downloads", async () => {
    for (const [path, auth] of [
      ["/", false],
      ["/docs", false],
      ["/openapi.json", false],
      ["/v1/shipments", true],
      ["/v1/nothing-here", true],
      ["/v1/shipments", false], // 401
      ["/exports/manifest.html", true],
    ] as const) {
      const res = await fetch(`${app.base}${path}`, {
        headers: auth ? { authorization: `Bearer ${key}` } : {},
      });
      const h = res.headers;
      const csp = h.get("content-security-policy") ?? "";
      expect(csp, path).to.include("default-src 'self'");
      expect(csp, path).to.include("script-src 'self'");
      expect(csp, path).to.include("object-src 'none'");
      expect(csp, path).to.include("frame-ancestors 'none'");
      // plain http on a village LAN must keep working: no forced upgrade
      expect(csp, path).to.not.include("upgrade-insecure-requests");
      expect(h.get("x-content-type-options"), path).to.equal("nosniff");
      expect(h.get("x-frame-options"), path).to.equal("DENY");
      expect(h.get("referrer-policy"), path).to.equal("no-referrer");
      expect(h.get("cross-origin-opener-policy"), path).to.equal("same-origin");
      expect(h.get("x-powered-by"), path).to.equal(null);
    }
  });

  /** Every CSP violation and page error a page reports while `act` runs. */
  async function violations(page: Page, act: () => Promise<void>): Promise<string[]> {
    const seen: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text());
    });
    page.on("pageerror", (e) => seen.push(`pageerror: ${e.message}`));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        console.error(`Refused to load: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await act();
    return seen;
  }

  it("runs the dashboard under the policy: coordinator view, map, fill bars and a manifest popup", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen = await violations(page, async () => {
      await page.goto(`${app.base}/?lang=en`);
      await page.fill("#api-key", key);
      await page.click("#key-form button[type=submit]");
      await page.waitForSelector('#plan-containers tr[data-container="v1-C1"]');
      await page.waitForSelector("#plan-map svg");
      // the fill bars are sized by inline style attributes
      const width = await page.$eval("#plan-containers .bar i", (el) => getComputedStyle(el).width);
      expect(Number.parseFloat(width)).to.be.greaterThan(0);
      const [popup] = await Promise.all([
        page.waitForEvent("popup"),
        page.click('#plan-exports [data-download="/exports/manifest.html"]'),
      ]);
      await popup.waitForLoadState();
      expect(await popup.textContent("h1")).to.match(/manifest/i);
      // the manifest's own stylesheet (inline <style>) applies
      expect(await popup.$eval("table", (t) => getComputedStyle(t).borderCollapse)).to.equal("collapse");
    });
    expect(seen).to.deep.equal([]);
    await context.close();
  });

  it("runs Swagger UI at /docs under the policy", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen = await violations(page, async () => {
      await page.goto(`${app.base}/docs`);
      await page.waitForSelector(".swagger-ui .info .title", { timeout: 30_000 });
      expect(await page.textContent(".swagger-ui .info .title")).to.include("Muatan");
      await page.waitForSelector(".swagger-ui .opblock");
    });
    expect(seen).to.deep.equal([]);
    await context.close();
  });
});
