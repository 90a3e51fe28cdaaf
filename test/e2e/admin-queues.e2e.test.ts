/**
 * The queue dashboard in a browser (headless Chromium, the service on PostgreSQL + Redis):
 * a coordinator already signed in to the Muatan dashboard opens /admin/queues and lands on
 * bull-board without typing anything (the stored key buys the session cookie); a browser
 * without a stored key gets the sign-in page, and a typed key opens the board. No script
 * error, no CSP violation. Screenshots: test/e2e/screenshots/60-*.png.
 */
import { expect } from "chai";
import type { Browser, Page } from "playwright-core";
import { exampleScenario } from "../integration/support/fixtures.js";
import { type Stack, startStack } from "../integration/support/stack.js";
import { launchBrowser, screenshot } from "./support/browser.js";

describe("queue dashboard in the browser (Chromium, Redis)", function () {
  this.timeout(120_000);
  let stack: Stack;
  let browser: Browser;

  before(async () => {
    stack = await startStack({ queue: "bullmq", name: "board-e2e" });
    await stack.client.call("POST", "/v1/solve?timeLimitSeconds=0.5", {
      key: stack.key,
      json: exampleScenario(),
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function newPage(): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
    page.on("console", (m) => {
      if (
        m.type() === "error" &&
        /Content Security Policy|Refused/i.test(m.text()) &&
        !/fonts\.googleapis/.test(m.text())
      )
        problems.push(m.text());
    });
    return { page, problems };
  }

  it("takes a coordinator signed in to the dashboard straight to the board", async () => {
    const { page, problems } = await newPage();
    await page.goto(`${stack.client.baseUrl}/`);
    await page.evaluate((k) => localStorage.setItem("muatan.apiKey", k), stack.key);
    await page.goto(`${stack.client.baseUrl}/admin/queues`);
    await page.waitForURL(/\/admin\/queues/, { timeout: 30000 });
    await page.getByText(stack.config.queue.name).first().waitFor({ timeout: 30000 });
    await screenshot(page, "60-queue-dashboard");
    expect(problems).to.deep.equal([]);
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === "muatan_admin");
    expect(session?.httpOnly).to.equal(true);
    expect(session?.sameSite).to.equal("Strict");
  });

  it("asks a browser without a stored key to sign in, in Bahasa Indonesia, and opens the board with the key typed", async () => {
    const { page, problems } = await newPage();
    await page.goto(`${stack.client.baseUrl}/admin/queues`);
    await page.waitForURL(/\/admin\/login/);
    expect(await page.textContent("h1")).to.equal("Antrean perencanaan");
    await page.fill("#key", "mua_wrong-key-000000000000");
    await page.click("button[type=submit]");
    await page.waitForFunction(() => (document.getElementById("message")?.textContent ?? "").length > 0);
    expect(await page.textContent("#message")).to.equal(
      "Kunci tidak dikenal, sudah dicabut, atau kedaluwarsa.",
    );
    await screenshot(page, "60-queue-dashboard-login");
    await page.fill("#key", stack.key);
    await page.click("button[type=submit]");
    await page.waitForURL(/\/admin\/queues/);
    await page.getByText(stack.config.queue.name).first().waitFor({ timeout: 30000 });
    expect(problems).to.deep.equal([]);
  });
});
