/**
 * The dashboard shell, rendered on the server in the chosen language so the first
 * paint already reads right on a slow connection; the browser script then fills in
 * data from the API. No build step: the script and stylesheet are plain files.
 */

import { HANDLING_CLASSES } from "../../shared/core/model/scenario.js";
import { escapeHtml } from "../../shared/views/html-escape.js";
import { LANGS, type Lang, LOCALES } from "../../shared/views/locale.js";
import { DICTIONARIES, type MessageKey, translate } from "../../shared/views/translate.js";

/** The version query busts caches when the script changes, without a bundler. */
export interface DashboardOptions {
  assetVersion: string;
}

export function renderDashboard(lang: Lang, options: DashboardOptions): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    escapeHtml(translate(lang, key, params));
  const other = LANGS.map(
    (l) =>
      `<a href="?lang=${l}" data-lang="${l}" hreflang="${escapeHtml(LOCALES[l])}"${l === lang ? ' aria-current="true"' : ""}>${t(`lang.${l}`)}</a>`,
  ).join(" · ");
  // JSON inside <script> must not be able to close the tag: escape "<" everywhere.
  const i18n = JSON.stringify({ lang, locale: LOCALES[lang], messages: DICTIONARIES[lang] }).replace(
    /</g,
    "\\u003c",
  );
  const field = (name: string, key: MessageKey, input: string, hint = "") =>
    `<label class="field" data-field="${name}"><span>${t(key)}${hint}</span>${input}<small class="field-error" data-error-for="${name}" role="alert"></small></label>`;
  const handlingOptions = HANDLING_CLASSES.map(
    (h) => `<option value="${h}">${t(`handling.${h}`)}</option>`,
  ).join("");
  const localHint = ` <em class="zone-hint">(${t("shipment.localTimeHint")})</em>`;
  const v = escapeHtml(options.assetVersion);

  return `<!doctype html>
<html lang="${escapeHtml(LOCALES[lang])}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t("app.title")}: ${t("app.tagline")}</title>
<link rel="stylesheet" href="/web/dashboard.css?v=${v}">
<script id="i18n" type="application/json">${i18n}</script>
<script src="/web/dashboard.js?v=${v}" defer></script>
<script src="/web/dashboard-boxes.js?v=${v}" defer></script>
</head>
<body>
<header class="top">
  <div class="brand"><strong>${t("app.title")}</strong> <span>${t("app.tagline")}</span></div>
  <nav class="lang" aria-label="${t("lang.label")}">${other}</nav>
</header>
<form id="key-form" class="keybox" autocomplete="off">
  <label for="api-key">${t("auth.key")}</label>
  <input id="api-key" name="key" type="password" spellcheck="false" placeholder="mk_…">
  <button type="submit">${t("auth.save")}</button>
  <button type="button" id="key-forget" class="secondary">${t("auth.forget")}</button>
  <small>${t("auth.help")}</small>
  <output id="key-status" role="status"></output>
</form>
<nav class="tabs" role="tablist">
  <a href="#coordinator" role="tab" data-tab="coordinator">${t("nav.coordinator")}</a>
  <a href="#bumdes" role="tab" data-tab="bumdes">${t("nav.bumdes")}</a>
  <a href="#exporter" role="tab" data-tab="exporter">${t("nav.exporter")}</a>
</nav>
<main>
<section id="coordinator" class="view" role="tabpanel" hidden>
  <form id="plan-form" class="card row">
    <label class="field" data-field="region"><span>${t("plan.region")}</span><select name="region" id="plan-region"></select><small class="field-error" data-error-for="region" role="alert"></small></label>
    <label class="field" data-field="horizon.start"><span>${t("plan.horizonStart")}</span><input type="date" name="start" id="plan-start" required><small class="field-error" data-error-for="horizon.start" role="alert"></small></label>
    <label class="field" data-field="horizon.end"><span>${t("plan.horizonEnd")}</span><input type="date" name="end" id="plan-end" required><small class="field-error" data-error-for="horizon.end" role="alert"></small></label>
    <button type="submit" id="plan-run">${t("plan.run")}</button>
    <div class="progress"><progress id="plan-progress" max="100" value="0" hidden></progress> <output id="plan-status" role="status"></output></div>
  </form>
  <div id="plan-summary" class="summary"></div>
  <div class="exports" id="plan-exports" hidden>
    <button type="button" data-download="/exports/manifest.html" data-open="1">${t("container.manifest")} (HTML)</button>
    <button type="button" data-download="/exports/manifest.csv">${t("container.manifest")} (CSV)</button>
    <button type="button" data-download="/exports/routes.geojson">${t("plan.routesGeojson")}</button>
  </div>
  <h2>${t("plan.unassigned")}</h2>
  <div id="plan-unassigned"></div>
  <h2>${t("plan.map")}</h2>
  <div id="plan-map" class="map"></div>
  <h2>${t("plan.week")}</h2>
  <div id="plan-containers"><p class="muted">${t("plan.none")}</p></div>
  <h2>${t("boxes.title")}</h2>
  <p class="muted">${t("boxes.intro")}</p>
  <div class="exports" id="boxes-exports" hidden><button type="button" data-download="/exports/stuffing.html" data-open="1">${t("boxes.stuffingAll")} (HTML)</button> <button type="button" data-download="/exports/stuffing.csv">${t("boxes.stuffingAll")} (CSV)</button></div>
  <div id="plan-boxes"></div>
  <h2>${t("late.title")}</h2>
  <p class="muted">${t("late.intro")}</p>
  <output id="late-status" role="status"></output>
  <div id="late-shipments"></div>
</section>
<section id="bumdes" class="view" role="tabpanel" hidden>
  <div class="card">
    <label class="field inline"><span>${t("pickup.village")}</span><select id="village-select"></select></label>
  </div>
  <h2>${t("pickup.title")}</h2>
  <div class="exports">
    <button type="button" id="pickups-ics">${t("pickup.ics")}</button>
    <button type="button" id="pickups-csv">${t("pickup.csv")}</button>
  </div>
  <div id="pickups"></div>
  <h2>${t("costs.title")}</h2>
  <p class="muted">${t("costs.intro")}</p>
  <div class="exports">
    <button type="button" id="costs-statement">${t("costs.statement")}</button>
    <button type="button" id="costs-csv">${t("costs.statementCsv")}</button>
  </div>
  <div id="bumdes-costs"></div>
  <h2>${t("shipment.register")}</h2>
  <form id="shipment-form" class="card grid" novalidate>
    ${field("id", "shipment.id", '<input name="id" maxlength="60">')}
    ${field("product", "shipment.product", '<input name="product" list="products">')}
    ${field("handling", "shipment.handling", `<select name="handling">${handlingOptions}</select>`)}
    ${field("weightKg", "shipment.weightKg", '<input name="weightKg" inputmode="decimal" required>')}
    ${field("volumeM3", "shipment.volumeM3", '<input name="volumeM3" inputmode="decimal">')}
    ${field("packages", "shipment.packages", '<input name="packages" inputmode="numeric">')}
    ${field("readyAt", "shipment.readyAt", '<input name="readyAt" type="datetime-local">', localHint)}
    ${field("sailBy", "shipment.sailBy", '<input name="sailBy" type="datetime-local">', localHint)}
    ${field("destination", "shipment.destination", '<input name="destination" maxlength="2" placeholder="SG">')}
    ${field("exporter", "shipment.exporter", '<input name="exporter">')}
    <datalist id="products"><option value="essential-oil"><option value="avocado"><option value="banana-flour"><option value="mud-crab"><option value="coffee"><option value="dried-seaweed"></datalist>
    <div class="actions"><button type="submit">${t("shipment.register")}</button> <output id="shipment-status" role="status"></output></div>
  </form>
</section>
<section id="exporter" class="view" role="tabpanel" hidden>
  <h2>${t("exporter.title")}</h2>
  <div id="exporter-containers"></div>
  <h2>${t("exporter.boxes")}</h2>
  <div id="exporter-boxes"></div>
  <h2>${t("exporter.costs")}</h2>
  <div id="exporter-costs"></div>
</section>
</main>
<footer class="muted"><small>${t("app.footer")}</small></footer>
</body>
</html>
`;
}
