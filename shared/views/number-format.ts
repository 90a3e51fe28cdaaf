/** Numbers, money and fractions in the reader's locale (id-ID writes 1.234,5; en-GB 1,234.5). */
import { type Lang, LOCALES } from "./locale.js";
import { type MessageKey, translate } from "./translate.js";

export function formatNumber(value: number, lang: Lang, maxFractionDigits = 1): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: maxFractionDigits }).format(value);
}

/** Rupiah are whole: the spec keeps costs in integer IDR. */
export function formatIdr(value: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang], {
    style: "currency",
    currency: "IDR",
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  }).format(value);
}

/** 0.874 -> "87%" (en) / "87%" (id); fractions outside 0..1 are shown as they are, not clamped. */
export function formatPercent(fraction: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: "percent", maximumFractionDigits: 0 }).format(
    fraction,
  );
}

export function formatKg(value: number, lang: Lang): string {
  return translate(lang, "unit.kg", { value: formatNumber(value, lang, 1) });
}

export function formatM3(value: number, lang: Lang): string {
  return translate(lang, "unit.m3", { value: formatNumber(value, lang, 2) });
}

export function formatKm(value: number, lang: Lang): string {
  return translate(lang, "unit.km", { value: formatNumber(value, lang, 1) });
}

/** "2 hari 4 jam" / "2 d 4 h": the two largest units are enough to act on a deadline. */
export function formatDuration(totalMinutes: number, lang: Lang): string {
  const m = Math.max(0, Math.floor(Math.abs(totalMinutes)));
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const minutes = m % 60;
  const parts: [MessageKey, number][] = [];
  if (days > 0) parts.push(["duration.days", days]);
  if (hours > 0) parts.push(["duration.hours", hours]);
  if (minutes > 0 || parts.length === 0) parts.push(["duration.minutes", minutes]);
  return parts
    .slice(0, 2)
    .map(([key, n]) => translate(lang, key, { n }))
    .join(" ");
}
