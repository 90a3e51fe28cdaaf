/**
 * Stuffing lists: what goes into each sea box at the port. The village containers ride
 * in unopened, so the list names containers, not goods: which ones, in which order, what
 * each weighs with its tare, and blank places for the seal numbers the port staff write
 * in (the box's own number is only known when the shipping line releases it).
 */
import { type CsvCell, toCsv } from "./csv.js";
import { escapeHtml } from "./html-escape.js";
import { formatLocalDateTime } from "./local-time.js";
import type { Lang } from "./locale.js";
import { formatKg, formatNumber } from "./number-format.js";
import { printablePage } from "./printable-page.js";
import { type MessageKey, translate } from "./translate.js";

export interface StuffingContainer {
  id: string;
  type: string;
  boxSlots: number;
  tareKg: number;
  /** its load */
  weightKg: number;
}

export interface StuffingBox {
  id: string;
  type: string;
  reefer: boolean;
  slots: number;
  maxWeightKg: number;
  /** loads plus tare */
  weightKg: number;
  sailing: { id: string; departure: string; cutoff: string } | null;
  port: { id: string; name?: string | null; timeZone?: string | null } | null;
  /** the one destination its shipments name, when they name one */
  destination: string | null;
  containers: StuffingContainer[];
}

const CSV_COLUMNS: [MessageKey, (b: StuffingBox, c: StuffingContainer, i: number) => CsvCell][] = [
  ["csv.box", (b) => b.id],
  ["csv.boxType", (b) => b.type],
  ["csv.sailing", (b) => b.sailing?.id],
  ["csv.port", (b) => b.port?.id],
  ["csv.cutoff", (b) => b.sailing?.cutoff],
  ["csv.destination", (b) => b.destination],
  ["csv.position", (_b, _c, i) => i + 1],
  ["csv.container", (_b, c) => c.id],
  ["csv.containerType", (_b, c) => c.type],
  ["csv.slots", (_b, c) => c.boxSlots],
  ["csv.weightKg", (_b, c) => c.weightKg],
  ["csv.tareKg", (_b, c) => c.tareKg],
  ["csv.grossKg", (_b, c) => c.weightKg + c.tareKg],
  ["csv.seal", () => ""],
];

/** One line per container, in loading order; the seal column is left empty for the port. */
export function stuffingCsv(boxes: readonly StuffingBox[], lang: Lang): string {
  return toCsv(
    CSV_COLUMNS.map(([key]) => translate(lang, key)),
    boxes.flatMap((b) => b.containers.map((c, i) => CSV_COLUMNS.map(([, get]) => get(b, c, i)))),
  );
}

const blank = '<span class="blank"></span>';

function boxSection(b: StuffingBox, lang: Lang): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    escapeHtml(translate(lang, key, params));
  const zone = b.port?.timeZone ?? undefined;
  const usedSlots = b.containers.reduce((a, c) => a + c.boxSlots, 0);
  const facts: [MessageKey, string][] = [
    ["box.type", `${b.type}${b.reefer ? ` (${translate(lang, "box.reefer")})` : ""}`],
    ["container.sailing", b.sailing?.id ?? translate(lang, "container.noSailing")],
    ["container.port", b.port ? `${b.port.name ?? b.port.id} (${b.port.id})` : ""],
    ["container.cutoff", b.sailing ? formatLocalDateTime(b.sailing.cutoff, zone, lang) : ""],
    ["container.departure", b.sailing ? formatLocalDateTime(b.sailing.departure, zone, lang) : ""],
    ["shipment.destination", b.destination ?? translate(lang, "box.anyDestination")],
    [
      "box.slotsUsed",
      translate(lang, "box.slotsOf", {
        used: formatNumber(usedSlots, lang, 0),
        slots: formatNumber(b.slots, lang, 0),
      }),
    ],
    ["box.gross", `${formatKg(b.weightKg, lang)} / ${formatKg(b.maxWeightKg, lang)}`],
  ];
  const rows = b.containers
    .map(
      (c, i) =>
        `<tr><td class="n">${i + 1}</td><td><b>${escapeHtml(c.id)}</b></td><td>${escapeHtml(c.type)}</td><td class="n">${escapeHtml(formatNumber(c.boxSlots, lang, 0))}</td>` +
        `<td class="n">${escapeHtml(formatKg(c.weightKg, lang))}</td><td class="n">${escapeHtml(formatKg(c.tareKg, lang))}</td>` +
        `<td class="n">${escapeHtml(formatKg(c.weightKg + c.tareKg, lang))}</td><td class="seal">${blank}</td><td class="seal">${blank}</td></tr>`,
    )
    .join("\n");
  const load = b.containers.reduce((a, c) => a + c.weightKg, 0);
  const tare = b.containers.reduce((a, c) => a + c.tareKg, 0);
  return `<section class="box">
<h2>${t("stuffing.title", { box: b.id })}</h2>
<dl>${facts.map(([key, value]) => `<div><dt>${t(key)}</dt><dd>${escapeHtml(value)}</dd></div>`).join("")}</dl>
<table>
<thead><tr><th>#</th><th>${t("container.id")}</th><th>${t("container.type")}</th><th>${t("box.slots")}</th><th>${t("box.load")}</th><th>${t("box.tare")}</th><th>${t("box.gross")}</th><th>${t("stuffing.seal")}</th><th>${t("stuffing.initials")}</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th colspan="3">${t("manifest.totals")}</th><td class="n">${escapeHtml(formatNumber(usedSlots, lang, 0))}</td><td class="n">${escapeHtml(formatKg(load, lang))}</td><td class="n">${escapeHtml(formatKg(tare, lang))}</td><td class="n">${escapeHtml(formatKg(load + tare, lang))}</td><td colspan="2"></td></tr></tfoot>
</table>
<div class="fill-in">
<p>${t("stuffing.boxNumber")} ${blank}</p>
<p>${t("stuffing.boxSeal")} ${blank}</p>
<p>${t("stuffing.stuffedBy")} ${blank} ${t("stuffing.date")} ${blank}</p>
</div>
</section>`;
}

/** A standalone page (inline CSS, no script) that prints one box per sheet. */
export function stuffingHtml(boxes: readonly StuffingBox[], lang: Lang): string {
  const title =
    boxes.length === 1
      ? translate(lang, "stuffing.title", { box: boxes[0].id })
      : translate(lang, "stuffing.planTitle");
  return printablePage({
    lang,
    title,
    sheet: "box",
    css: `th,td{padding:.35rem .4rem}td.seal{min-width:9rem;height:1.8rem}
.blank{display:inline-block;min-width:12rem;border-bottom:1px solid #111;height:1.2em;vertical-align:bottom}
td .blank{min-width:8rem}.fill-in p{margin:1.2rem 0}`,
    body: `${boxes.length === 1 ? "" : `<h1>${escapeHtml(title)}</h1>`}
${boxes.map((b) => boxSection(b, lang)).join("\n") || `<p>${escapeHtml(translate(lang, "common.none"))}</p>`}`,
  });
}
