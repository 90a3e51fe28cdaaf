// Muatan dashboard: plain browser JavaScript, no build step, no framework.
// Labels come from the server-rendered dictionary (#i18n); dates and numbers arrive
// already formatted for the chosen language by the server's view endpoints.
(() => {
  const I18N = JSON.parse(document.getElementById("i18n").textContent);
  const LANG = I18N.lang;
  const KEY_STORAGE = "muatan.apiKey";

  // Paths of the REST API (service) and of the web view endpoints (this dashboard's server side).
  const ENDPOINTS = {
    me: "/web/data/me",
    dashboard: "/web/data/dashboard",
    pickups: "/web/data/pickups",
    containers: "/web/data/containers",
    shipments: "/v1/shipments",
    planRuns: "/v1/plans",
    planRun: (id) => `/v1/plans/${encodeURIComponent(id)}`,
    pickupsIcs: (village) => `/exports/villages/${encodeURIComponent(village)}/pickups.ics`,
    pickupsCsv: (village) => `/exports/villages/${encodeURIComponent(village)}/pickups.csv`,
    containerManifest: (id) => `/exports/containers/${encodeURIComponent(id)}/manifest.html`,
    containerStatus: (id) => `/v1/containers/${encodeURIComponent(id)}/status`,
    stopPickedUp: (id, stop) => `/v1/containers/${encodeURIComponent(id)}/stops/${stop}/picked-up`,
    keys: "/v1/keys",
    key: (id) => `/v1/keys/${encodeURIComponent(id)}`,
    myKey: "/v1/me",
    villages: "/v1/villages",
  };

  const t = (key, params = {}) =>
    (I18N.messages[key] ?? key).replace(/\{(\w+)\}/g, (whole, name) =>
      name in params ? String(params[name]) : whole,
    );
  const $ = (sel, root = document) => root.querySelector(sel);
  const esc = (value) =>
    String(value ?? "").replace(
      /[&<>"']/g,
      (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch],
    );
  const withLang = (path) => `${path}${path.includes("?") ? "&" : "?"}lang=${LANG}`;

  const storedKey = () => localStorage.getItem(KEY_STORAGE) || "";

  class ApiError extends Error {
    constructor(status, errors) {
      super(errors.map((e) => `${e.path}: ${e.message}`).join("; ") || `HTTP ${status}`);
      this.status = status;
      this.errors = errors;
    }
  }

  // A second press, or a retry after a dropped connection, sends the same Idempotency-Key
  // as the request still waiting for its answer: the service writes once. A key is
  // forgotten once the service has answered (crypto.randomUUID needs https; this does not).
  const pendingKeys = new Map();
  function idempotencyKey(path, body) {
    const id = `${path}\n${JSON.stringify(body)}`;
    if (!pendingKeys.has(id)) {
      const bytes = crypto.getRandomValues(new Uint8Array(16));
      pendingKeys.set(id, Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(""));
    }
    return { id, key: pendingKeys.get(id) };
  }

  async function request(path, options = {}) {
    const headers = { Accept: "application/json", ...(options.headers || {}) };
    const key = storedKey();
    if (key) headers.Authorization = `Bearer ${key}`;
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    const once = options.once ? idempotencyKey(path, options.body) : null;
    if (once) headers["Idempotency-Key"] = once.key;
    const res = await fetch(path, {
      method: options.method || "GET",
      headers,
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
    if (once) pendingKeys.delete(once.id);
    if (options.raw) {
      if (!res.ok) throw new ApiError(res.status, [{ path: "(response)", message: res.statusText }]);
      return res;
    }
    const text = await res.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (!res.ok) {
      const errors =
        data && Array.isArray(data.errors)
          ? data.errors
          : [{ path: "(response)", message: text || res.statusText }];
      throw new ApiError(res.status, errors);
    }
    return data;
  }

  function showError(target, err) {
    if (err && (err.status === 401 || err.status === 403)) {
      target.innerHTML = `<p class="error">${esc(err.status === 401 ? t("auth.missing") : t("auth.denied"))}</p>`;
    } else {
      target.innerHTML = `<p class="error">${esc(t("common.error", { message: err.message }))}</p>`;
    }
  }

  // Downloads go through fetch so the Bearer key travels in a header, never in a URL.
  async function download(path, { open = false } = {}) {
    const res = await request(withLang(path), { raw: true, headers: { Accept: "*/*" } });
    const blob = await res.blob();
    const url = URL.createObjectURL(blob);
    if (open) {
      window.open(url, "_blank");
    } else {
      const name =
        /filename="([^"]+)"/.exec(res.headers.get("Content-Disposition") || "")?.[1] || path.split("/").pop();
      const a = Object.assign(document.createElement("a"), { href: url, download: name });
      document.body.append(a);
      a.click();
      a.remove();
    }
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  // Tables with class "card-table" become one card per row on a phone (dashboard.css): each
  // cell's one <span> sits beside the label the stylesheet writes from data-label.
  const cardCell = (label, html, cls = "") =>
    `<td${cls ? ` class="${cls}"` : ""}${label ? ` data-label="${esc(t(label))}"` : ""}><span>${html}</span></td>`;

  const fillBar = (fraction, label, cls = "") => {
    const pct = Math.max(0, Math.min(100, fraction * 100));
    return `<div class="bar ${cls}${fraction > 1 ? " over" : ""}" role="img" aria-label="${esc(label)}"><i style="width:${pct.toFixed(1)}%"></i></div>`;
  };

  const fillCell = (c) =>
    `<div class="fill">${fillBar(c.weightFill, `${t("container.fillWeight")} ${c.text.weightFill}`)}<small>${esc(t("container.fillWeight"))}: ${esc(c.text.weightFill)} (${esc(c.text.weight)})</small>` +
    `${fillBar(c.volumeFill, `${t("container.fillVolume")} ${c.text.volumeFill}`, "vol")}<small>${esc(t("container.fillVolume"))}: ${esc(c.text.volumeFill)} (${esc(c.text.volume)})</small></div>`;

  const statusCell = (c) =>
    `<span class="status" data-status="${esc(c.status || "")}">${esc(c.statusLabel || "")}</span>${c.text.statusSince ? `<br><small>${esc(t("container.since", { time: c.text.statusSince }))}</small>` : ""}`;

  function actionButton(c) {
    const a = c.nextAction;
    if (!a) return "";
    if (a.kind === "pickup") {
      const stop = c.stops[a.stop];
      return `<button type="button" class="act" data-act-url="${esc(ENDPOINTS.stopPickedUp(c.id, a.stop))}">${esc(t("action.pickup", { village: stop ? stop.villageName : a.village }))}</button>`;
    }
    const label = { confirmed: "action.confirm", "at-port": "action.atPort", sailed: "action.sail" }[
      a.status
    ];
    return `<button type="button" class="act" data-act-url="${esc(ENDPOINTS.containerStatus(c.id))}" data-act-status="${esc(a.status)}">${esc(t(label))}</button>`;
  }

  // Lifecycle buttons: the API decides; a refusal (409) is shown beside the button, in words.
  document.addEventListener("click", async (e) => {
    const button = e.target.closest("button[data-act-url]");
    if (!button) return;
    const holder = button.closest("[data-container]");
    const note = holder?.querySelector(".act-error");
    if (note) note.textContent = "";
    button.disabled = true;
    try {
      const body = button.dataset.actStatus ? { status: button.dataset.actStatus } : {};
      await request(button.dataset.actUrl, { method: "POST", body });
      selectTab(currentTab());
    } catch (err) {
      button.disabled = false;
      const message = err.errors ? err.errors.map((x) => x.message).join("; ") : err.message;
      if (note) note.textContent = t("action.refused", { message });
    }
  });

  // ---------- tabs and key ----------
  let me = null;

  // Views another script adds to the tabs (dashboard-boxes.js): each loads with its tab,
  // through the same helpers, so it speaks, scopes and downloads as this page does.
  const addOns = [];
  window.Muatan = {
    register: (addOn) => addOns.push(addOn),
    request,
    t,
    esc,
    cardCell,
    fillBar,
    withLang,
    download,
    showError,
    me: () => me,
    selectedVillage: () => $("#village-select").value,
    reload: () => selectTab(currentTab()),
  };

  function selectTab(name) {
    for (const a of document.querySelectorAll(".tabs a"))
      a.setAttribute("aria-selected", String(a.dataset.tab === name));
    for (const s of document.querySelectorAll(".view")) s.hidden = s.id !== name;
    const loaders = { coordinator: loadCoordinator, bumdes: loadBumdes, exporter: loadExporter };
    loaders[name]?.();
    for (const addOn of addOns) addOn[name]?.();
  }

  function currentTab() {
    const h = location.hash.replace("#", "");
    if (["coordinator", "bumdes", "exporter"].includes(h)) return h;
    return me?.role || "coordinator";
  }

  async function loadMe() {
    const status = $("#key-status");
    forgetNewKey(); // a new key is for the coordinator who made it, not the next key saved here
    if (!storedKey()) {
      me = null;
      status.textContent = t("auth.missing");
      status.className = "error";
      return;
    }
    try {
      me = await request(withLang(ENDPOINTS.me));
      status.textContent = `${t("auth.saved")} ${t(`nav.${me.role}`)}${me.label ? ` · ${me.label}` : ""}`;
      status.className = "ok";
    } catch (err) {
      me = null;
      status.textContent =
        err.status === 401 ? t("auth.denied") : t("common.error", { message: err.message });
      status.className = "error";
    }
  }

  $("#key-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const value = $("#api-key").value.trim();
    if (value) localStorage.setItem(KEY_STORAGE, value);
    $("#api-key").value = "";
    await loadMe();
    if (me && !location.hash) location.hash = me.role;
    selectTab(currentTab());
  });
  $("#key-forget").addEventListener("click", async () => {
    localStorage.removeItem(KEY_STORAGE);
    await loadMe();
    selectTab(currentTab());
  });
  window.addEventListener("hashchange", () => selectTab(currentTab()));

  // The language links keep the open tab.
  for (const a of document.querySelectorAll(".lang a")) {
    a.addEventListener("click", (e) => {
      e.preventDefault();
      location.href = `?lang=${a.dataset.lang}${location.hash}`;
    });
  }

  document.addEventListener("click", (e) => {
    const button = e.target.closest("[data-download]");
    if (!button) return;
    download(button.dataset.download, { open: button.dataset.open === "1" }).catch((err) =>
      alert(t("common.error", { message: err.message })),
    );
  });

  // ---------- coordinator ----------
  function renderSummary(d) {
    const s = d.summary;
    const items = [
      ["plan.containers", s.containersWithBound ?? s.containers, s.lowerBoundHelp],
      ["plan.assignedWeight", s.assignedWeight],
      ["plan.unassignedWeight", s.unassignedWeight],
      ["plan.meanFill", `${s.meanWeightFill} / ${s.meanVolumeFill}`],
      ["plan.distance", s.distance],
      ["plan.cost", s.cost],
    ];
    // The help is a tooltip on a desktop and a sentence under the tiles: a phone has no hover.
    $("#plan-summary").innerHTML =
      items
        .map(
          ([k, v, help]) =>
            `<div${help ? ` title="${esc(help)}" aria-describedby="plan-bound-help"` : ""}><small>${esc(t(k))}</small><b>${esc(v)}</b></div>`,
        )
        .join("") +
      (d.generated
        ? `<div><small>${esc(t("plan.version", { version: d.version ?? "" }))}</small><b>${esc(d.generated)}</b></div>`
        : "") +
      (s.lowerBoundHelp ? `<p id="plan-bound-help" class="summary-note">${esc(s.lowerBoundHelp)}</p>` : "");
  }

  function renderContainers(list) {
    if (list.length === 0) return `<p class="muted">${esc(t("plan.noContainers"))}</p>`;
    const rows = list
      .map(
        (c) => `<tr data-container="${esc(c.id)}">
${cardCell("", `<b>${esc(c.id)}</b><br><small>${esc(c.type)}${c.reefer ? ` · ${esc(t("container.reefer"))}` : ""}</small>`, "card-head")}
${cardCell("container.fill", fillCell(c))}
${cardCell("container.stops", c.stops.map((s) => `${s.pickedUp ? "✓ " : ""}${esc(s.villageName)}<br><small>${esc(s.when)}</small>`).join("<br>"))}
${cardCell("container.depot", `${esc(c.depotName)}<br><small>${esc(c.text.departDepot)}</small>`, "opt")}
${cardCell("container.port", `${esc(c.portName)}<br><small>${esc(c.text.portArrival)}</small>`)}
${cardCell("container.sailing", c.sailing ? `${esc(c.sailing)}<br><small>${esc(t("container.cutoff"))}: ${esc(c.text.cutoff)}</small>` : `<small>${esc(t("container.noSailing"))}</small>`, "opt")}
${cardCell("container.status", `${statusCell(c)}<br>${actionButton(c)}<small class="act-error error" role="alert"></small>`)}
${cardCell("", `<button type="button" class="secondary" data-download="${esc(ENDPOINTS.containerManifest(c.id))}" data-open="1">${esc(t("container.manifest"))}</button>`)}
</tr>`,
      )
      .join("");
    return `<table class="card-table containers-table"><thead><tr><th>${esc(t("container.id"))}</th><th>${esc(t("container.fillWeight"))} / ${esc(t("container.fillVolume"))}</th><th>${esc(t("container.stops"))}</th><th class="opt">${esc(t("container.depot"))}</th><th>${esc(t("container.port"))}</th><th class="opt">${esc(t("container.sailing"))}</th><th>${esc(t("container.status"))}</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
  }

  function renderUnassigned(list) {
    if (list.length === 0) return `<p class="ok">${esc(t("plan.unassignedNone"))}</p>`;
    const rows = list
      .map(
        (u) =>
          `<tr data-shipment="${esc(u.shipment)}">${cardCell("", `<b>${esc(u.shipment)}</b>`, "card-head")}${cardCell("shipment.village", esc(u.villageName))}${cardCell("shipment.weightKg", esc(u.weight), "n")}${cardCell("plan.reason", `<b>${esc(u.reasonLabel)}</b><br>${esc(u.reasonHelp)}<br><small lang="en">${esc(u.detail)}</small>`)}</tr>`,
      )
      .join("");
    return `<table class="card-table"><thead><tr><th>${esc(t("shipment.id"))}</th><th>${esc(t("shipment.village"))}</th><th>${esc(t("shipment.weightKg"))}</th><th>${esc(t("plan.reason"))}</th></tr></thead><tbody>${rows}</tbody></table>`;
  }

  async function loadCoordinator() {
    const target = $("#plan-containers");
    fillPlanForm();
    loadKeys();
    try {
      const d = await request(withLang(ENDPOINTS.dashboard));
      if (!d.hasPlan) {
        $("#plan-summary").innerHTML = "";
        target.innerHTML = `<p class="muted">${esc(t("plan.none"))}</p>`;
        $("#plan-map").innerHTML = "";
        $("#plan-unassigned").innerHTML = "";
        $("#plan-exports").hidden = true;
        return;
      }
      renderSummary(d);
      target.innerHTML = renderContainers(d.containers);
      $("#plan-map").innerHTML = d.mapSvg; // built and escaped on the server
      $("#plan-unassigned").innerHTML = renderUnassigned(d.unassigned);
      $("#plan-exports").hidden = false;
    } catch (err) {
      showError(target, err);
    }
  }

  // The days stay as the coordinator typed them; until then they follow the server's suggestion.
  let horizonTouched = false;
  for (const id of ["#plan-start", "#plan-end"])
    $(id).addEventListener("input", () => (horizonTouched = true));
  const isoDate = (d) => d.toISOString().slice(0, 10);
  function fillPlanForm() {
    const select = $("#plan-region");
    if (me && Array.isArray(me.regions) && select.options.length === 0) {
      select.innerHTML = me.regions.map((r) => `<option value="${esc(r)}">${esc(r)}</option>`).join("");
    }
    if (horizonTouched) return;
    const suggested = me?.suggestedHorizon;
    $("#plan-start").value = suggested ? suggested.start.slice(0, 10) : isoDate(new Date());
    $("#plan-end").value = suggested
      ? suggested.end.slice(0, 10)
      : isoDate(new Date(Date.now() + 7 * 86400000));
  }

  function clearErrors(form) {
    for (const el of form.querySelectorAll(".field-error")) el.textContent = "";
    for (const el of form.querySelectorAll(".field.invalid")) el.classList.remove("invalid");
  }

  // The API speaks English; the messages a form user can cause are shown in the page's language.
  const API_MESSAGES = {
    "is required": "api.required",
    "must be > 0": "api.positive",
    "must be >= 0": "api.nonNegative",
    "must be >= 1": "api.atLeastOne",
    "must be a whole number": "api.wholeNumber",
    "must be number": "api.number",
    "is required for a bumdes key (the villages it speaks for)": "api.keyVillagesRequired",
    "must list at least one village": "api.keyVillagesRequired",
    "is required for an exporter key (the exporter name on its shipments)": "api.keyExporterRequired",
    "must be in the future": "api.future",
  };
  // Messages with a value in them (limits, ids, instants), matched by pattern.
  const API_PATTERNS = [
    [/^is not a real date and time/, () => t("api.notRealDate")],
    [/^must be at or after readyAt \(([^)]*)\)/, (m) => t("api.sailByBeforeReady", { readyAt: m[1] })],
    [/^must be at most (\d+) characters$/, (m) => t("api.tooLong", { n: m[1] })],
    [/^must be <= (\S+)$/, (m) => t("api.atMost", { n: m[1] })],
    [/^must not be blank$/, () => t("api.blank")],
    [/^must not contain control characters/, () => t("api.controlCharacters")],
    [/^unknown village "(.*)"$/, (m) => t("api.unknownVillage", { id: m[1] })],
  ];
  const localMessage = (message) => {
    if (API_MESSAGES[message]) return t(API_MESSAGES[message]);
    for (const [pattern, say] of API_PATTERNS) {
      const m = pattern.exec(message);
      if (m) return say(m);
    }
    return message;
  };

  // API paths look like "weightKg", "body.weightKg" or "shipments[0].weightKg": match on the tail.
  function showFieldErrors(form, errors) {
    const unmatched = [];
    for (const e of errors) {
      const path = String(e.path || "");
      const slot = [...form.querySelectorAll("[data-error-for]")].find((el) => {
        const name = el.dataset.errorFor;
        return path === name || path.endsWith(`.${name}`) || path.endsWith(`]${name}`);
      });
      if (slot) {
        const text = localMessage(e.message);
        slot.textContent = slot.textContent ? `${slot.textContent}; ${text}` : text;
        slot.closest(".field")?.classList.add("invalid");
      } else unmatched.push(`${path}: ${e.message}`);
    }
    return unmatched;
  }

  // A day in the coordinator's browser becomes an instant at local midnight with its offset.
  function dayStart(day) {
    const d = new Date(`${day}T00:00:00`);
    const off = -d.getTimezoneOffset();
    const sign = off >= 0 ? "+" : "-";
    const hh = String(Math.floor(Math.abs(off) / 60)).padStart(2, "0");
    const mm = String(Math.abs(off) % 60).padStart(2, "0");
    return `${day}T00:00:00${sign}${hh}:${mm}`;
  }

  let polling = null;
  $("#plan-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const form = e.currentTarget;
    clearErrors(form);
    const status = $("#plan-status");
    const progress = $("#plan-progress");
    const button = $("#plan-run");
    const body = {
      region: $("#plan-region").value || undefined,
      horizon: { start: dayStart($("#plan-start").value), end: dayStart($("#plan-end").value) },
    };
    button.disabled = true;
    status.className = "";
    status.textContent = t("plan.queued");
    progress.hidden = false;
    progress.value = 0;
    try {
      const run = await request(ENDPOINTS.planRuns, { method: "POST", body, once: true });
      await pollRun(run.id ?? run.runId, status, progress);
    } catch (err) {
      const rest = err.errors ? showFieldErrors(form, err.errors) : [err.message];
      status.className = "error";
      status.textContent = t("plan.failed", { message: rest.join("; ") || t("shipment.fixErrors") });
    } finally {
      button.disabled = false;
    }
  });

  async function pollRun(id, status, progress) {
    clearTimeout(polling);
    for (;;) {
      const run = await request(ENDPOINTS.planRun(id));
      const pct = Math.max(0, Math.min(100, Number(run.progress) || 0));
      progress.value = pct;
      if (run.state === "completed") {
        progress.value = 100;
        status.className = "ok";
        // Records the run left out (stored before validation, or made unusable): say which and why.
        const skipped = Array.isArray(run.skipped) ? run.skipped : [];
        const list = skipped
          .map(
            (r) => `${r.record} ${r.id}: ${(r.errors || []).map((e) => `${e.path} ${e.message}`).join(", ")}`,
          )
          .join("; ");
        status.textContent = skipped.length
          ? `${t("plan.done")} ${t("plan.skipped", { n: skipped.length, list })}`
          : t("plan.done");
        await loadCoordinator();
        return;
      }
      if (run.state === "failed" || run.state === "cancelled") {
        const message = (run.errors || []).map((e) => `${e.path}: ${e.message}`).join("; ") || run.state;
        throw new ApiError(500, [{ path: "(run)", message }]);
      }
      status.textContent =
        run.state === "queued" ? t("plan.queued") : t("plan.running", { percent: `${pct}%` });
      await new Promise((resolve) => {
        polling = setTimeout(resolve, 700);
      });
    }
  }

  // ---------- BUMDes ----------
  function villageList() {
    return (me && Array.isArray(me.villages) ? me.villages : []).filter(Boolean);
  }

  function selectedVillage() {
    return $("#village-select").value;
  }

  async function loadBumdes() {
    const select = $("#village-select");
    const villages = villageList();
    if (select.options.length !== villages.length) {
      const keep = select.value || localStorage.getItem("muatan.village") || "";
      select.innerHTML = villages
        .map(
          (v) =>
            `<option value="${esc(v.id)}">${esc(v.name || v.id)}${v.zone ? ` (${esc(v.zone)})` : ""}</option>`,
        )
        .join("");
      if (villages.some((v) => v.id === keep)) select.value = keep;
    }
    const exporterInput = $("#shipment-form [name=exporter]");
    await loadPickups();
    if (!exporterInput.value && me?.exporter) exporterInput.value = me.exporter;
  }

  async function loadPickups() {
    const target = $("#pickups");
    const village = selectedVillage();
    if (!village) {
      target.innerHTML = `<p class="muted">${esc(storedKey() ? t("pickup.choose") : t("auth.missing"))}</p>`;
      return;
    }
    try {
      const d = await request(withLang(`${ENDPOINTS.pickups}?village=${encodeURIComponent(village)}`));
      target.innerHTML = renderPickupRows(d.rows) + renderWaiting(d.waiting ?? []);
    } catch (err) {
      showError(target, err);
    }
  }

  /** The village's shipments no pickup carries yet, and why: a BUMDes otherwise sees only that no truck comes. */
  function renderWaiting(list) {
    if (list.length === 0) return "";
    const head = ["shipment.id", "shipment.product", "shipment.weightKg", "plan.reason"]
      .map((k) => `<th>${esc(t(k))}</th>`)
      .join("");
    const rows = list
      .map(
        (w) =>
          `<tr class="waiting" data-shipment="${esc(w.shipment)}" data-status="${esc(w.status)}">${cardCell("", `<b>${esc(w.shipment)}</b>`, "card-head")}${cardCell("shipment.product", esc(w.product))}${cardCell("shipment.weightKg", esc(w.weight), "n")}${cardCell("plan.reason", `<b>${esc(w.state)}</b><br>${esc(w.help)}${w.detail ? `<br><small lang="en">${esc(w.detail)}</small>` : ""}`)}</tr>`,
      )
      .join("");
    return `<h3 id="waiting-title">${esc(t("pickup.waitingTitle"))}</h3><table class="card-table waiting-table" id="waiting"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
  }

  function renderPickupRows(pickups) {
    if (pickups.length === 0) return `<p class="muted">${esc(t("pickup.none"))}</p>`;
    return `<table class="card-table pickups-table"><thead><tr><th>${esc(t("pickup.date"))}</th><th>${esc(t("pickup.time"))}</th><th>${esc(t("pickup.loads"))}</th><th>${esc(t("pickup.container"))}</th><th>${esc(t("container.status"))}</th></tr></thead><tbody>${pickups
      .map(
        (r) =>
          // on a phone the date and the hour head the card, large; the rest is labelled
          `<tr class="pickup" data-container="${esc(r.container)}" data-load-start="${esc(r.loadStart)}">${cardCell("", esc(r.date), "pickup-date")}${cardCell("", `${esc(r.time)}<span class="zone">${esc(r.zone)}</span>`, "pickup-when")}${cardCell("pickup.loads", `${r.loads.map(esc).join("<br>")}<br><small>${esc(r.weight)} · ${esc(r.volume)}</small>`)}${cardCell("pickup.container", `<b>${esc(r.container)}</b><br><small>${esc(r.containerType)} → ${esc(r.port)}</small>`)}${cardCell("container.status", `<span class="status">${esc(r.statusLabel || "")}</span><br>${r.pickedUp ? `<b class="ok">✓ ${esc(t("action.loaded"))}</b>` : r.canMarkLoaded ? `<button type="button" class="act" data-act-url="${esc(ENDPOINTS.stopPickedUp(r.container, r.stopIndex))}">${esc(t("action.markLoaded"))}</button>` : ""}<small class="act-error error" role="alert"></small>`)}</tr>`,
      )
      .join("")}</tbody></table>`;
  }

  $("#village-select").addEventListener("change", () => {
    localStorage.setItem("muatan.village", selectedVillage());
    loadPickups();
  });
  $("#pickups-ics").addEventListener("click", () =>
    download(ENDPOINTS.pickupsIcs(selectedVillage())).catch((err) => showError($("#pickups"), err)),
  );
  $("#pickups-csv").addEventListener("click", () =>
    download(ENDPOINTS.pickupsCsv(selectedVillage())).catch((err) => showError($("#pickups"), err)),
  );

  // "2026-12-28T09:00" typed in the village's clock -> an instant with that zone's offset.
  function villageInstant(local, zone) {
    if (!local) return undefined;
    const withSeconds = local.length === 16 ? `${local}:00` : local;
    if (!zone) return withSeconds;
    const probe = new Date(`${withSeconds}Z`);
    const name = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
      .formatToParts(probe)
      .find((p) => p.type === "timeZoneName")?.value;
    const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name || "");
    return `${withSeconds}${m ? `${m[1]}:${m[2] || "00"}` : "Z"}`;
  }

  const numberOrText = (v) => {
    const s = String(v).trim().replace(/\s/g, "");
    if (s === "") return undefined;
    // "1.250,5" (id) and "1,250.5" (en) both mean 1250.5
    const normal = LANG === "id" ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
    const n = Number(normal);
    return Number.isFinite(n) ? n : s; // leave text as text: the API names the field
  };

  $("#shipment-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const form = e.currentTarget;
    clearErrors(form);
    const status = $("#shipment-status");
    const data = new FormData(form);
    const village = villageList().find((v) => v.id === selectedVillage());
    const text = (name) => String(data.get(name) ?? "").trim() || undefined;
    const body = {
      id: text("id"),
      village: selectedVillage() || undefined,
      product: text("product"),
      handling: text("handling"),
      weightKg: numberOrText(data.get("weightKg") ?? ""),
      volumeM3: numberOrText(data.get("volumeM3") ?? ""),
      packages: numberOrText(data.get("packages") ?? ""),
      readyAt: villageInstant(text("readyAt"), village?.timeZone),
      sailBy: villageInstant(text("sailBy"), village?.timeZone),
      destination: text("destination")?.toUpperCase(),
      exporter: text("exporter"),
    };
    if (body.weightKg === undefined) {
      showFieldErrors(form, [{ path: "weightKg", message: "is required" }]);
      status.className = "error";
      status.textContent = t("shipment.fixErrors");
      return;
    }
    try {
      const created = await request(ENDPOINTS.shipments, { method: "POST", body, once: true });
      status.className = "ok";
      status.textContent = t("shipment.registered", { id: created.id ?? body.id ?? "" });
      form.reset();
      if (me?.exporter) $("#shipment-form [name=exporter]").value = me.exporter;
      // it shows at once under the pickups, waiting for the next plan
      loadPickups();
    } catch (err) {
      const rest = err.errors ? showFieldErrors(form, err.errors) : [err.message];
      status.className = "error";
      status.textContent = [t("shipment.fixErrors"), ...rest].join(" ");
    }
  });

  // ---------- exporter ----------
  async function loadExporter() {
    const target = $("#exporter-containers");
    try {
      const list = await request(withLang(ENDPOINTS.containers));
      if (list.containers.length === 0) {
        target.innerHTML = `<p class="muted">${esc(t("exporter.none"))}</p>`;
        return;
      }
      target.innerHTML = `<div class="cards">${list.containers
        .map(
          (c) => `<article data-container="${esc(c.id)}">
<h3>${esc(c.id)}</h3><p>${statusCell(c)}</p>
${fillCell(c)}
<dl>
<dt>${esc(t("container.port"))}</dt><dd>${esc(c.portName)}</dd>
<dt>${esc(t("container.portArrival"))}</dt><dd>${esc(c.text.portArrival)}</dd>
${c.sailing ? `<dt>${esc(t("container.sailing"))}</dt><dd>${esc(c.sailing)}</dd><dt>${esc(t("container.departure"))}</dt><dd>${esc(c.text.departure)}</dd><dt>${esc(t("container.cutoff"))}</dt><dd>${esc(c.text.cutoff)}</dd>` : `<dt>${esc(t("container.sailing"))}</dt><dd>${esc(t("container.noSailing"))}</dd>`}
</dl>
${c.text.countdown ? `<p class="countdown${c.cutoffInMinutes <= 0 ? " late" : ""}">${esc(c.text.countdown)}</p>` : ""}
<details><summary>${esc(t("container.shipments"))} (${c.shipments.length})</summary><ul>${c.shipments
            .map(
              (s) =>
                `<li>${esc(s.shipment)} · ${esc(s.product || "")} · ${esc(s.weight)}${s.exporter ? ` · ${esc(s.exporter)}` : ""}</li>`,
            )
            .join("")}</ul></details>
<button type="button" class="secondary" data-download="${esc(ENDPOINTS.containerManifest(c.id))}" data-open="1">${esc(t("container.manifest"))}</button>
</article>`,
        )
        .join("")}</div>`;
    } catch (err) {
      showError(target, err);
    }
  }

  // ---------- coordinator: access keys ----------
  // Built here rather than in the server-rendered shell: it only means something once a
  // coordinator key is known, and it keeps the panel in one place with its behaviour.
  const KEY_ROLES = ["bumdes", "exporter", "coordinator"];
  const keyField = (name, label, input, extra = "", hint = "") =>
    `<div class="field" data-field="${name}"${extra}><label for="new-key-${name}">${esc(label)}${hint ? ` <em class="zone-hint">(${esc(hint)})</em>` : ""}</label>${input}<small class="field-error" data-error-for="${name}" role="alert"></small></div>`;

  function buildKeysPanel() {
    const panel = document.createElement("section");
    panel.id = "access-keys";
    panel.className = "keys-panel";
    panel.hidden = true;
    panel.setAttribute("aria-labelledby", "keys-title");
    panel.innerHTML = `<h2 id="keys-title">${esc(t("keys.title"))}</h2>
<p class="muted">${esc(t("keys.intro"))}</p>
<form id="key-create-form" class="card grid" novalidate autocomplete="off">
  ${keyField("role", t("keys.role"), `<select id="new-key-role" name="role">${KEY_ROLES.map((r) => `<option value="${r}">${esc(t(`nav.${r}`))}</option>`).join("")}</select>`)}
  ${keyField("label", t("keys.label"), `<input id="new-key-label" name="label" maxlength="200" placeholder="${esc(t("keys.labelHint"))}">`)}
  ${keyField("exporter", t("keys.exporter"), `<input id="new-key-exporter" name="exporter" list="known-exporters"><datalist id="known-exporters"></datalist>`, ' data-for-role="exporter" hidden', t("keys.exporterHint"))}
  ${keyField("expiresAt", t("keys.expiresAt"), '<input id="new-key-expiresAt" name="expiresAt" type="date">', "", t("keys.expiresHint"))}
  ${keyField("villages", t("keys.villages"), `<input id="new-key-villages" type="search" class="village-filter" placeholder="${esc(t("keys.villagesFilter"))}"><div class="village-picks" role="group" aria-label="${esc(t("keys.villages"))}"></div><small class="muted village-count" aria-live="polite"></small>`, ' data-for-role="bumdes"')}
  <div class="actions"><button type="submit" id="key-create">${esc(t("keys.create"))}</button> <output id="key-create-status" role="status"></output></div>
</form>
<div id="key-new" class="card key-new" hidden>
  <p><b id="key-new-who"></b></p>
  <div class="key-copy"><input id="key-new-value" class="key-value" readonly spellcheck="false" aria-labelledby="key-new-who"><button type="button" id="key-copy">${esc(t("keys.copy"))}</button></div>
  <p class="once">${esc(t("keys.onceOnly"))}</p>
  <output id="key-copy-status" role="status"></output>
  <button type="button" class="secondary" id="key-new-close">${esc(t("common.close"))}</button>
</div>
<h3>${esc(t("keys.list"))}</h3>
<output id="keys-status" role="status"></output>
<div id="keys-list"></div>`;
    $("#coordinator").append(panel);
    return panel;
  }
  const keysPanel = buildKeysPanel();
  const keyForm = $("#key-create-form");

  const keyState = { villages: [], keys: [], myKeyId: null };
  const villageById = () => new Map(keyState.villages.map((v) => [v.id, v]));
  const createdFormat = new Intl.DateTimeFormat(I18N.locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Asia/Jakarta", // as the plan header: a coordinator's own clock is not known
  });
  const keyDate = (iso) => (iso ? `${createdFormat.format(new Date(iso))} WIB` : "");
  // A key is valid through the chosen day, in WIB as every date of this panel.
  const endOfDayWib = (day) => `${day}T23:59:59+07:00`;
  const keyExpiry = (k) =>
    k.expiresAt
      ? `${esc(keyDate(k.expiresAt))}${k.expired ? ` <b class="expired">${esc(t("keys.expired"))}</b>` : ""}`
      : `<span class="muted">${esc(t("keys.noExpiry"))}</span>`;

  function keyScope(k) {
    if (k.role === "coordinator") return esc(t("keys.everything"));
    if (k.role === "exporter") return esc(k.exporter || "");
    const byId = villageById();
    return (k.villages || [])
      .map((id) => {
        const v = byId.get(id);
        return v ? `${esc(v.name || id)} <small class="muted">${esc(id)}</small>` : esc(id);
      })
      .join("<br>");
  }
  const keyWho = (k) => k.label || `${t(`nav.${k.role}`)} ${k.prefix}…`;

  function showRoleFields() {
    const role = $("#new-key-role").value;
    for (const el of keyForm.querySelectorAll("[data-for-role]")) el.hidden = el.dataset.forRole !== role;
  }
  $("#new-key-role").addEventListener("change", showRoleFields);

  function renderVillagePicks() {
    const box = keyForm.querySelector(".village-picks");
    const ids = keyState.villages.map((v) => v.id).join("\n");
    if (box.dataset.ids === ids) return; // keep the ticks the coordinator already made
    const ticked = new Set([...box.querySelectorAll("input:checked")].map((i) => i.value));
    box.dataset.ids = ids;
    box.innerHTML =
      keyState.villages.length === 0
        ? `<p class="muted">${esc(t("keys.villagesNone"))}</p>`
        : keyState.villages
            .map(
              (v) =>
                `<label class="pick" data-village="${esc(v.id)}"><input type="checkbox" class="pick-box" name="villages" value="${esc(v.id)}"${ticked.has(v.id) ? " checked" : ""}><span><b>${esc(v.name || v.id)}</b><small>${[v.bumdes, v.zone, v.id].filter(Boolean).map(esc).join(" · ")}</small></span></label>`,
            )
            .join("");
    filterVillagePicks();
    countVillagePicks();
  }
  function filterVillagePicks() {
    const q = $("#new-key-villages").value.trim().toLowerCase();
    for (const label of keyForm.querySelectorAll(".pick"))
      label.hidden =
        q !== "" && !label.textContent.toLowerCase().includes(q) && !label.querySelector("input").checked;
  }
  function countVillagePicks() {
    const n = keyForm.querySelectorAll(".village-picks input:checked").length;
    keyForm.querySelector(".village-count").textContent = n ? t("keys.villagesChosen", { n }) : "";
  }
  $("#new-key-villages").addEventListener("input", filterVillagePicks);
  keyForm.querySelector(".village-picks").addEventListener("change", countVillagePicks);

  function renderKeys() {
    const live = keyState.keys.filter((k) => !k.revokedAt).reverse(); // newest first
    const revoked = keyState.keys.filter((k) => k.revokedAt).reverse();
    const head = (extra) =>
      `<thead><tr><th>${esc(t("keys.role"))}</th><th>${esc(t("keys.label"))}</th><th>${esc(t("keys.scope"))}</th><th>${esc(t("keys.prefix"))}</th><th>${esc(t("keys.createdAt"))}</th><th>${esc(t("keys.expiresAt"))}</th><th>${extra}</th></tr></thead>`;
    const cell = (label, html) => cardCell(label, html);
    const cells = (k) =>
      cell("keys.role", esc(t(`nav.${k.role}`))) +
      cell("keys.label", k.label ? esc(k.label) : `<i class="muted">${esc(t("keys.noLabel"))}</i>`) +
      cell("keys.scope", keyScope(k)) +
      cell("keys.prefix", `<code>${esc(k.prefix)}…</code>`) +
      cell("keys.createdAt", esc(keyDate(k.createdAt))) +
      cell("keys.expiresAt", keyExpiry(k));
    const liveRows = live
      .map(
        (k) =>
          `<tr data-key-id="${esc(k.id)}">${cells(k)}<td class="key-action">${
            k.id === keyState.myKeyId
              ? `<small class="muted in-use">${esc(t("keys.inUse"))}</small>`
              : `<button type="button" class="secondary danger" data-revoke="${esc(k.id)}">${esc(t("keys.revoke"))}</button>`
          }<small class="act-error error" role="alert"></small></td></tr>`,
      )
      .join("");
    const revokedRows = revoked
      .map(
        (k) =>
          `<tr data-key-id="${esc(k.id)}" class="revoked">${cells(k)}${cell("keys.revokedAt", esc(keyDate(k.revokedAt)))}</tr>`,
      )
      .join("");
    $("#keys-list").innerHTML =
      (live.length === 0
        ? `<p class="muted">${esc(t("keys.none"))}</p>`
        : `<table class="card-table keys-table" id="keys-live">${head("")}<tbody>${liveRows}</tbody></table>`) +
      (revoked.length === 0
        ? ""
        : `<details class="keys-revoked"><summary>${esc(t("keys.revokedList", { n: revoked.length }))}</summary><table class="card-table keys-table" id="keys-revoked">${head(esc(t("keys.revokedAt")))}<tbody>${revokedRows}</tbody></table></details>`);
    const exporters = [...new Set(keyState.keys.map((k) => k.exporter).filter(Boolean))].sort();
    $("#known-exporters").innerHTML = exporters.map((e) => `<option value="${esc(e)}">`).join("");
  }

  async function loadKeys() {
    keysPanel.hidden = me?.role !== "coordinator";
    if (keysPanel.hidden) return;
    try {
      const [keys, villages, mine] = await Promise.all([
        request(ENDPOINTS.keys),
        request(ENDPOINTS.villages),
        request(ENDPOINTS.myKey),
      ]);
      keyState.keys = keys.items;
      // by name: that is how a coordinator looks a village up
      keyState.villages = [...villages.items].sort((a, b) =>
        String(a.name || a.id).localeCompare(String(b.name || b.id), I18N.locale),
      );
      keyState.myKeyId = mine.id;
      renderVillagePicks();
      renderKeys();
    } catch (err) {
      showError($("#keys-list"), err);
    }
  }

  function forgetNewKey() {
    $("#key-new-value").value = "";
    $("#key-copy-status").textContent = "";
    $("#key-new").hidden = true;
  }
  $("#key-new-close").addEventListener("click", forgetNewKey);

  keyForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors(keyForm);
    forgetNewKey();
    const status = $("#key-create-status");
    status.className = "";
    status.textContent = "";
    const role = $("#new-key-role").value;
    const villages = [...keyForm.querySelectorAll(".village-picks input:checked")].map((i) => i.value);
    const body = {
      role,
      label: $("#new-key-label").value.trim() || undefined,
      villages: role === "bumdes" && villages.length > 0 ? villages : undefined,
      exporter: role === "exporter" ? $("#new-key-exporter").value.trim() || undefined : undefined,
      expiresAt: $("#new-key-expiresAt").value ? endOfDayWib($("#new-key-expiresAt").value) : undefined,
    };
    const button = $("#key-create");
    button.disabled = true;
    try {
      const created = await request(ENDPOINTS.keys, { method: "POST", body });
      keyForm.reset();
      for (const label of keyForm.querySelectorAll(".pick")) label.hidden = false;
      countVillagePicks();
      showRoleFields();
      $("#key-new-who").textContent = t("keys.created", { who: keyWho(created) });
      $("#key-new-value").value = created.key;
      $("#key-new").hidden = false;
      $("#key-new-value").select();
      await loadKeys();
    } catch (err) {
      const rest = err.errors ? showFieldErrors(keyForm, err.errors) : [err.message];
      status.className = "error";
      status.textContent = [t("shipment.fixErrors"), ...rest].join(" ");
    } finally {
      button.disabled = false;
    }
  });

  // Plain http on a LAN address has no async clipboard: fall back to the selection.
  async function copyToClipboard(input) {
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(input.value);
        return true;
      }
    } catch {
      // fall through to the selection
    }
    input.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    }
  }
  $("#key-copy").addEventListener("click", async () => {
    const ok = await copyToClipboard($("#key-new-value"));
    const note = $("#key-copy-status");
    note.className = ok ? "ok" : "error";
    note.textContent = ok ? t("keys.copied") : t("keys.copyFailed");
  });

  $("#keys-list").addEventListener("click", async (e) => {
    const button = e.target.closest("button[data-revoke]");
    if (!button) return;
    const key = keyState.keys.find((k) => k.id === button.dataset.revoke);
    const who = key ? keyWho(key) : button.dataset.revoke;
    if (!window.confirm(t("keys.confirmRevoke", { who }))) return;
    const note = button.closest("td").querySelector(".act-error");
    note.textContent = "";
    button.disabled = true;
    try {
      await request(ENDPOINTS.key(button.dataset.revoke), { method: "DELETE" });
      $("#keys-status").className = "ok";
      $("#keys-status").textContent = t("keys.revoked", { who });
      await loadKeys();
    } catch (err) {
      button.disabled = false;
      const message = err.errors ? err.errors.map((x) => x.message).join("; ") : err.message;
      note.textContent = t("action.refused", { message });
    }
  });

  // ---------- start ----------
  loadMe().then(() => selectTab(currentTab()));
})();
