// Sea boxes, what shipments cost, and late shipments (issue 9): views this script adds to
// the dashboard's tabs through window.Muatan (dashboard.js), with its helpers, so the
// labels, the key, the downloads and the errors behave as on the rest of the page.
(() => {
  const M = window.Muatan;
  if (!M) return;
  const { t, esc, cardCell } = M;
  const $ = (sel, root = document) => root.querySelector(sel);

  const ENDPOINTS = {
    boxes: "/web/data/boxes",
    costs: "/web/data/costs",
    late: "/web/data/late",
    lateOptions: (id) => `/web/data/late/${encodeURIComponent(id)}/options`,
    assign: (id) => `/v1/shipments/${encodeURIComponent(id)}/assign`,
    stuffing: (id) => `/exports/boxes/${encodeURIComponent(id)}/stuffing.html`,
    statementHtml: "/exports/statements/bumdes.html",
    statementCsv: "/exports/statements/bumdes.csv",
  };

  const refusal = (err) =>
    t("action.refused", { message: err.errors ? err.errors.map((x) => x.message).join("; ") : err.message });

  // ---------- sea boxes ----------
  // A box is drawn as its slots: a filled square per container (as wide as the slots it
  // takes), an empty one per free slot; the reader's own containers are marked.
  const slotsOf = (b) =>
    `<div class="slots" role="img" aria-label="${esc(`${t("box.slotsUsed")}: ${b.text.slots}`)}">${b.slots
      .map((s) =>
        s.container
          ? `<span class="slot filled${s.mine ? " mine" : ""}" style="flex-grow:${Number(s.span) || 1}" title="${esc(s.text)}" data-container="${esc(s.container)}">${esc(s.container)}${s.mine ? `<small>${esc(t("boxes.mine"))}</small>` : ""}</span>`
          : `<span class="slot empty">${esc(t("boxes.empty"))}</span>`,
      )
      .join("")}</div>`;

  const boxCard = (b, withShare) =>
    `<article class="box" data-box="${esc(b.id)}">
<h4>${esc(b.id)} <small>${esc(b.text.type)}${b.destination ? ` → ${esc(b.destination)}` : ""}</small></h4>
${slotsOf(b)}
<dl>
<dt>${esc(t("box.slotsUsed"))}</dt><dd>${esc(b.text.slots)}</dd>
<dt>${esc(t("box.gross"))}</dt><dd>${esc(b.text.weight)} (${esc(b.text.weightFill)})</dd>
<dt>${esc(t("boxes.freight"))}</dt><dd>${esc(b.text.freight)}</dd>
${withShare ? `<dt>${esc(t("boxes.share"))}</dt><dd class="share">${esc(b.text.share)}</dd>` : ""}
</dl>
<button type="button" class="secondary" data-download="${esc(ENDPOINTS.stuffing(b.id))}" data-open="1">${esc(t("boxes.stuffing"))}</button>
</article>`;

  const sailingsHtml = (sailings, withShare) =>
    sailings
      .map(
        (s) => `<section class="sailing-boxes" data-sailing="${esc(s.sailing || "")}">
<h3>${esc(s.sailing || "")} · ${esc(s.portName || "")} <small>${esc(s.text.boxes)} · ${esc(s.text.freight)}</small></h3>
${s.text.departure ? `<p class="muted"><small>${esc(t("boxes.sailingLine", { departure: s.text.departure, cutoff: s.text.cutoff }))}</small></p>` : ""}
<div class="boxes">${s.boxes.map((b) => boxCard(b, withShare)).join("")}</div>
</section>`,
      )
      .join("");

  async function loadBoxes(target, withShare, none) {
    try {
      const d = await M.request(M.withLang(ENDPOINTS.boxes));
      target.innerHTML = d.sailings.length
        ? sailingsHtml(d.sailings, withShare)
        : `<p class="muted">${esc(none)}</p>`;
      return d.sailings.length;
    } catch (err) {
      M.showError(target, err);
      return 0;
    }
  }

  // ---------- what shipments cost ----------
  function costsHtml(d, { village }) {
    if (d.lines.length === 0) return `<p class="muted">${esc(t("costs.none"))}</p>`;
    const rows = d.lines
      .map(
        (l) =>
          `<tr data-shipment="${esc(l.shipment)}">${cardCell("", `<b>${esc(l.shipment)}</b><br><small>${esc(l.product || "")}${village ? "" : ` · ${esc(l.villageName)}`}</small>`, "card-head")}${cardCell("statement.pickup", esc(l.pickup))}${cardCell("container.id", `${esc(l.container)}${l.box ? `<br><small>${esc(t("box.id"))} ${esc(l.box)}</small>` : ""}`)}${cardCell("shipment.weightKg", esc(l.weight), "n")}${cardCell("statement.truck", esc(l.truck), "n")}${cardCell("statement.freight", esc(l.freight), "n")}${cardCell("statement.total", `<b>${esc(l.total)}</b>`, "n")}${cardCell("statement.perKg", esc(l.perKg), "n")}</tr>`,
      )
      .join("");
    const s = d.totals;
    return `<table class="card-table costs-table"><thead><tr><th>${esc(t("shipment.id"))}</th><th>${esc(t("statement.pickup"))}</th><th>${esc(t("container.id"))}</th><th>${esc(t("shipment.weightKg"))}</th><th>${esc(t("statement.truck"))}</th><th>${esc(t("statement.freight"))}</th><th>${esc(t("statement.total"))}</th><th>${esc(t("statement.perKg"))}</th></tr></thead><tbody>${rows}</tbody>
<tfoot><tr class="totals"><td colspan="3" class="card-head"><span><b>${esc(t("statement.totals"))}</b><br><small>${esc(t("statement.shipmentsWeight", { shipments: s.shipments, weight: s.weight }))}</small></span></td>${cardCell("shipment.weightKg", esc(s.weight), "n")}${cardCell("statement.truck", esc(s.truck), "n")}${cardCell("statement.freight", esc(s.freight), "n")}${cardCell("statement.total", `<b>${esc(s.total)}</b>`, "n")}${cardCell("statement.perKg", esc(s.perKg), "n")}</tr></tfoot></table>`;
  }

  let bumdesCosts = null;
  async function loadBumdesCosts() {
    const target = $("#bumdes-costs");
    const village = M.selectedVillage();
    if (!village) {
      target.innerHTML = "";
      return;
    }
    try {
      bumdesCosts = await M.request(M.withLang(`${ENDPOINTS.costs}?village=${encodeURIComponent(village)}`));
      target.innerHTML = costsHtml(bumdesCosts, { village });
    } catch (err) {
      M.showError(target, err);
    }
  }
  // The statement of the village's BUMDes (a BUMDes key: its own, every village it speaks for).
  const statementPath = (path) => {
    const name = bumdesCosts?.bumdes?.length === 1 ? bumdesCosts.bumdes[0] : "";
    return M.me()?.role === "bumdes" || !name ? path : `${path}?bumdes=${encodeURIComponent(name)}`;
  };
  $("#costs-statement").addEventListener("click", () =>
    M.download(statementPath(ENDPOINTS.statementHtml), { open: true }).catch((err) =>
      M.showError($("#bumdes-costs"), err),
    ),
  );
  $("#costs-csv").addEventListener("click", () =>
    M.download(statementPath(ENDPOINTS.statementCsv)).catch((err) => M.showError($("#bumdes-costs"), err)),
  );
  $("#village-select").addEventListener("change", loadBumdesCosts);

  async function loadExporterCosts() {
    const target = $("#exporter-costs");
    try {
      target.innerHTML = costsHtml(await M.request(M.withLang(ENDPOINTS.costs)), { village: null });
    } catch (err) {
      M.showError(target, err);
    }
  }

  // ---------- coordinator: late shipments ----------
  async function loadLate() {
    const target = $("#late-shipments");
    try {
      const d = await M.request(M.withLang(ENDPOINTS.late));
      if (d.shipments.length === 0) {
        target.innerHTML = `<p class="ok">${esc(t("late.none"))}</p>`;
        return;
      }
      const rows = d.shipments
        .map(
          (s) =>
            `<tr data-late="${esc(s.shipment)}">${cardCell("", `<b>${esc(s.shipment)}</b><br><small>${esc(s.product || "")}${s.destination ? ` → ${esc(s.destination)}` : ""}</small>`, "card-head")}${cardCell("shipment.village", esc(s.villageName))}${cardCell("shipment.weightKg", esc(s.weight), "n")}${cardCell("late.ready", esc(s.ready || "–"))}${cardCell("plan.reason", esc(s.reason || "–"))}${cardCell("", `<button type="button" data-late-find="${esc(s.shipment)}">${esc(t("late.find"))}</button>`)}</tr>
<tr class="late-options" data-options-for="${esc(s.shipment)}" hidden><td colspan="6"></td></tr>`,
        )
        .join("");
      target.innerHTML = `<table class="card-table late-table"><thead><tr><th>${esc(t("shipment.id"))}</th><th>${esc(t("shipment.village"))}</th><th>${esc(t("shipment.weightKg"))}</th><th>${esc(t("late.ready"))}</th><th>${esc(t("plan.reason"))}</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
    } catch (err) {
      M.showError(target, err);
    }
  }

  const optionsHtml = (o) =>
    `<div class="options">
<p><b>${esc(t("late.options", { shipment: o.shipment }))}</b> <small>${esc(o.villageName)} · ${esc(o.weight)}</small></p>
${
  o.options.length === 0
    ? `<p class="muted">${esc(t("late.noOptions"))}</p>`
    : `<table class="card-table options-table"><thead><tr><th>${esc(t("container.id"))}</th><th>${esc(t("late.addedKm"))}</th><th>${esc(t("late.addedCost"))}</th><th>${esc(t("statement.pickup"))}</th><th>${esc(t("container.portArrival"))}</th><th></th></tr></thead><tbody>${o.options
        .map(
          (x) =>
            `<tr data-option="${esc(x.container)}">${cardCell("", `<b>${esc(x.container)}</b>${x.sailing ? `<br><small>${esc(x.sailing)}</small>` : ""}`, "card-head")}${cardCell("late.addedKm", esc(x.text.addedKm), "n")}${cardCell("late.addedCost", `<b>${esc(x.text.addedCost)}</b>`, "n")}${cardCell("statement.pickup", esc(x.text.pickup))}${cardCell("container.portArrival", esc(x.text.portArrival))}${cardCell("", `<button type="button" class="act" data-late-assign="${esc(o.shipment)}" data-container="${esc(x.container)}">${esc(t("late.assign"))}</button>`)}</tr>`,
        )
        .join("")}</tbody></table>`
}
<p class="${o.newContainerPossible ? "" : "muted"}"><small>${esc(o.newContainer)}</small></p>
<small class="act-error error" role="alert"></small>
</div>`;

  $("#late-shipments").addEventListener("click", async (e) => {
    const find = e.target.closest("button[data-late-find]");
    const put = e.target.closest("button[data-late-assign]");
    if (find) {
      const id = find.dataset.lateFind;
      const row = $(`tr[data-options-for="${CSS.escape(id)}"]`);
      const cell = row.querySelector("td");
      row.hidden = false;
      cell.innerHTML = `<p class="muted">${esc(t("common.loading"))}</p>`;
      find.disabled = true;
      try {
        cell.innerHTML = optionsHtml(await M.request(M.withLang(ENDPOINTS.lateOptions(id))));
      } catch (err) {
        cell.innerHTML = `<p class="error">${esc(refusal(err))}</p>`;
      } finally {
        find.disabled = false;
      }
    }
    if (put) {
      const note = put.closest(".options")?.querySelector(".act-error");
      if (note) note.textContent = "";
      put.disabled = true;
      try {
        const done = await M.request(ENDPOINTS.assign(put.dataset.lateAssign), {
          method: "POST",
          body: { container: put.dataset.container },
        });
        const status = $("#late-status");
        status.className = "ok";
        status.textContent = t("late.assigned", {
          shipment: done.shipment,
          container: done.container,
          version: done.version,
        });
        M.reload();
      } catch (err) {
        put.disabled = false;
        if (note) note.textContent = refusal(err);
      }
    }
  });

  M.register({
    async coordinator() {
      if (M.me()?.role !== "coordinator") return;
      const n = await loadBoxes($("#plan-boxes"), false, t("boxes.none"));
      $("#boxes-exports").hidden = n === 0;
      await loadLate();
    },
    bumdes: loadBumdesCosts,
    async exporter() {
      await loadBoxes($("#exporter-boxes"), true, t("exporter.noBoxes"));
      await loadExporterCosts();
    },
  });
})();
