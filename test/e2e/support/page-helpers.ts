/**
 * What the dashboard's browser tests do on every page: open a tab as a key, and measure
 * whether anything runs off a phone's screen (and name what does).
 */
import type { Browser, Page } from "playwright-core";

/** Narrow no-break spaces (Intl's thousands and currency gaps) read as plain spaces. */
export const nbsp = (s: string | null) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");

/** Open `tab` of the dashboard in `lang` with `key` saved, and wait until the key is accepted. */
export async function openAs(page: Page, base: string, key: string, tab: string, lang = "id"): Promise<void> {
  await page.goto(`${base}/?lang=${lang}#${tab}`);
  await page.evaluate((k) => localStorage.setItem("muatan.apiKey", k), key);
  await page.reload();
  await page.waitForSelector(`#${tab}:not([hidden])`);
  await page.waitForSelector("#key-status.ok");
}

/** How far the page runs off the right edge of a 390-wide screen, in CSS pixels (0 = it fits). */
export const overflow = (page: Page) =>
  page.evaluate(() => {
    if (window.innerWidth !== 390) throw new Error(`not a 390-wide screen: ${window.innerWidth}`);
    return document.documentElement.scrollWidth - window.innerWidth;
  });

/** Elements whose right edge passes the screen's, to name the culprit when overflow > 0. */
export const offside = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${el.className}`),
  );

/** A page as an Indonesian desk or phone shows it (WIB clock), failing the test on any script error. */
export async function dashboardPage(
  browser: Browser,
  viewport = { width: 1280, height: 900 },
): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: "id-ID", timezoneId: "Asia/Jakarta" });
  page.on("pageerror", (err) => {
    throw err;
  });
  return page;
}
