/**
 * The two languages Muatan speaks. Bahasa Indonesia is the default because most
 * people acting on a plan (BUMDes managers, drivers) read it first.
 */
export const LANGS = ["id", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "id";

/** BCP 47 locales for Intl and luxon: en-GB keeps the 24-hour clock and day-month order familiar in Indonesia. */
export const LOCALES: Record<Lang, string> = { id: "id-ID", en: "en-GB" };

/** Anything that is not a known language code falls back to the default rather than failing a page. */
export function parseLang(value: unknown): Lang {
  const v = typeof value === "string" ? value.trim().toLowerCase() : "";
  return (LANGS as readonly string[]).includes(v) ? (v as Lang) : DEFAULT_LANG;
}
