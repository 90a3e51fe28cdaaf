/**
 * Container manifests: the list a driver, a port agent and an exporter check the
 * goods against. CSV for spreadsheets; a self-contained printable HTML page for paper.
 */
import type { Plan } from "../core/model/plan.js";
import type { Scenario } from "../core/model/scenario.js";
import { type ContainerView, containerView } from "./container-view.js";
import { type CsvCell, toCsv } from "./csv.js";
import { escapeHtml } from "./html-escape.js";
import { formatLocalDateTime } from "./local-time.js";
import type { Lang } from "./locale.js";
import { formatKg, formatM3, formatNumber } from "./number-format.js";
import { printablePage } from "./printable-page.js";
import { indexScenario } from "./scenario-index.js";
import { type MessageKey, translate } from "./translate.js";

export interface ManifestLine {
  container: string;
  containerType: string;
  depot: string;
  port: string;
  sailing?: string;
  stop: number;
  village: string;
  villageName?: string;
  loadStart: string;
  loadStartLocal: string;
  shipment: string;
  product?: string;
  handling: string;
  exporter?: string;
  destination?: string;
  packages: number;
  weightKg: number;
  volumeM3: number;
}

/** containerIds limits the manifest to those containers (one container's manifest, or an exporter's). */
export function manifestLines(
  plan: Plan,
  scenario: Scenario,
  lang: Lang,
  containerIds?: string[],
): ManifestLine[] {
  const index = indexScenario(scenario);
  const wanted = containerIds ? new Set(containerIds) : undefined;
  const lines: ManifestLine[] = [];
  for (const c of plan.containers) {
    if (wanted && !wanted.has(c.id)) continue;
    c.stops.forEach((stop, i) => {
      const village = index.villages.get(stop.village);
      for (const load of stop.load) {
        const shipment = index.shipments.get(load.shipment);
        lines.push({
          container: c.id,
          containerType: c.type,
          depot: c.depot,
          port: c.port,
          sailing: c.sailing,
          stop: i + 1,
          village: stop.village,
          villageName: village?.name,
          loadStart: stop.loadStart,
          loadStartLocal: formatLocalDateTime(stop.loadStart, village?.timeZone, lang),
          shipment: load.shipment,
          product: shipment?.product,
          handling: shipment?.handling ?? "dry",
          exporter: shipment?.exporter,
          destination: shipment?.destination,
          packages: load.packages,
          weightKg: load.weightKg,
          volumeM3: load.volumeM3,
        });
      }
    });
  }
  return lines;
}

const CSV_COLUMNS: [MessageKey, (l: ManifestLine) => CsvCell][] = [
  ["csv.container", (l) => l.container],
  ["csv.containerType", (l) => l.containerType],
  ["csv.depot", (l) => l.depot],
  ["csv.port", (l) => l.port],
  ["csv.sailing", (l) => l.sailing],
  ["csv.stop", (l) => l.stop],
  ["csv.village", (l) => l.village],
  ["csv.villageName", (l) => l.villageName],
  ["csv.shipment", (l) => l.shipment],
  ["csv.product", (l) => l.product],
  ["csv.handling", (l) => l.handling],
  ["csv.exporter", (l) => l.exporter],
  ["csv.destination", (l) => l.destination],
  ["csv.packages", (l) => l.packages],
  ["csv.weightKg", (l) => l.weightKg],
  ["csv.volumeM3", (l) => l.volumeM3],
  ["csv.loadStart", (l) => l.loadStart],
];

export function manifestCsv(plan: Plan, scenario: Scenario, lang: Lang, containerIds?: string[]): string {
  const lines = manifestLines(plan, scenario, lang, containerIds);
  return toCsv(
    CSV_COLUMNS.map(([key]) => translate(lang, key)),
    lines.map((line) => CSV_COLUMNS.map(([, get]) => get(line))),
  );
}

function containerSection(view: ContainerView, lines: ManifestLine[], lang: Lang, heading: boolean): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    escapeHtml(translate(lang, key, params));
  const facts: [MessageKey, string | undefined][] = [
    ["container.type", `${view.type}${view.reefer ? ` (${translate(lang, "container.reefer")})` : ""}`],
    ["container.depot", `${view.depotName} (${view.depot})`],
    ["container.departDepot", view.text.departDepot],
    ["container.port", `${view.portName} (${view.port})`],
    ["container.portArrival", view.text.portArrival],
    ["container.sailing", view.sailing ?? translate(lang, "container.noSailing")],
    ["container.cutoff", view.text.cutoff],
    ["container.departure", view.text.departure],
    ["container.fillWeight", `${view.text.weight} (${view.text.weightFill})`],
    ["container.fillVolume", `${view.text.volume} (${view.text.volumeFill})`],
  ];
  const rows = lines
    .map(
      (l) =>
        `<tr><td>${l.stop}</td><td>${escapeHtml(l.villageName ?? l.village)}</td><td>${escapeHtml(l.loadStartLocal)}</td>` +
        `<td>${escapeHtml(l.shipment)}</td><td>${escapeHtml(l.product ?? "")}</td><td>${escapeHtml(translate(lang, `handling.${l.handling}` as MessageKey))}</td>` +
        `<td>${escapeHtml(l.exporter ?? "")}</td><td>${escapeHtml(l.destination ?? "")}</td>` +
        `<td class="n">${escapeHtml(formatNumber(l.packages, lang, 0))}</td><td class="n">${escapeHtml(formatKg(l.weightKg, lang))}</td>` +
        `<td class="n">${escapeHtml(formatM3(l.volumeM3, lang))}</td></tr>`,
    )
    .join("\n");
  const totalPackages = lines.reduce((a, l) => a + l.packages, 0);
  return `<section class="container">
${heading ? `<h2>${t("manifest.title", { container: view.id })}</h2>` : ""}
<dl>${facts
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `<div><dt>${t(key)}</dt><dd>${escapeHtml(value)}</dd></div>`)
    .join("")}</dl>
<table>
<thead><tr><th>${t("manifest.stop")}</th><th>${t("pickup.village")}</th><th>${t("manifest.loadStart")}</th><th>${t("shipment.id")}</th><th>${t("shipment.product")}</th><th>${t("shipment.handling")}</th><th>${t("shipment.exporter")}</th><th>${t("shipment.destination")}</th><th>${t("shipment.packages")}</th><th>${t("shipment.weightKg")}</th><th>${t("shipment.volumeM3")}</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th colspan="8">${t("manifest.totals")}</th><td class="n">${escapeHtml(formatNumber(totalPackages, lang, 0))}</td><td class="n">${escapeHtml(formatKg(view.weightKg, lang))}</td><td class="n">${escapeHtml(formatM3(view.volumeM3, lang))}</td></tr></tfoot>
</table>
</section>`;
}

/** A standalone page (inline CSS, no scripts) that prints one container per sheet. */
export function manifestHtml(plan: Plan, scenario: Scenario, lang: Lang, containerIds?: string[]): string {
  const index = indexScenario(scenario);
  const lines = manifestLines(plan, scenario, lang, containerIds);
  const containers = plan.containers.filter((c) => !containerIds || containerIds.includes(c.id));
  const title =
    containers.length === 1
      ? translate(lang, "manifest.title", { container: containers[0].id })
      : translate(lang, "manifest.planTitle");
  const sections = containers
    .map((c) =>
      containerSection(
        containerView(c, index, lang),
        lines.filter((l) => l.container === c.id),
        lang,
        containers.length > 1,
      ),
    )
    .join("\n");
  return printablePage({
    lang,
    title,
    sheet: "container",
    body: `<h1>${escapeHtml(title)}</h1>
${sections || `<p>${escapeHtml(translate(lang, "common.none"))}</p>`}`,
  });
}
