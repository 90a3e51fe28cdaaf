/**
 * Everything people see, as one router the API mounts: the dashboard at `/`, its two
 * static files, the view-model JSON it reads and the downloadable exports.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type RequestHandler, Router } from "express";
import type { DataSource } from "typeorm";
import { parseLang } from "../../shared/views/locale.js";
import { authenticate } from "../api/principal.js";
import { boxDataRoutes } from "./box-data.routes.js";
import { boxExportRoutes } from "./box-exports.routes.js";
import { renderDashboard } from "./dashboard.page.js";
import { exportRoutes } from "./exports.routes.js";
import { lateDataRoutes } from "./late-data.routes.js";
import { webDataRoutes } from "./web-data.routes.js";

export interface WebDeps {
  dataSource: DataSource;
  /** milliseconds clock for countdowns and "coming" pickups; tests pass a fixed one */
  now?: () => number;
  /** What runs before data and downloads: the API's rate limits and authentication. */
  signedIn?: RequestHandler[];
}

const PUBLIC_DIR = join(__dirname, "public");

function asset(file: string, type: string) {
  const body = readFileSync(join(PUBLIC_DIR, file));
  return { body, type, hash: createHash("sha256").update(body).digest("hex").slice(0, 12) };
}

export function createWebRouter(deps: WebDeps): Router {
  const now = deps.now ?? (() => Date.now());
  const script = asset("dashboard.js", "text/javascript; charset=utf-8");
  const boxesScript = asset("dashboard-boxes.js", "text/javascript; charset=utf-8");
  const style = asset("dashboard.css", "text/css; charset=utf-8");
  const assetVersion = createHash("sha256")
    .update(script.hash + boxesScript.hash + style.hash)
    .digest("hex")
    .slice(0, 12);
  const pages = new Map<string, string>();

  const router = Router();
  router.get("/", (req, res) => {
    const lang = parseLang(req.query.lang);
    let html = pages.get(lang);
    if (!html) {
      html = renderDashboard(lang, { assetVersion });
      pages.set(lang, html);
    }
    res.set("Content-Type", "text/html; charset=utf-8");
    res.set("Content-Language", lang);
    res.set("Cache-Control", "no-cache");
    res.send(html);
  });
  for (const [path, file] of [
    ["/web/dashboard.js", script],
    ["/web/dashboard-boxes.js", boxesScript],
    ["/web/dashboard.css", style],
  ] as const) {
    router.get(path, (_req, res) => {
      res.set("Content-Type", file.type);
      // the page links them with ?v=<hash>, so a changed file gets a new URL
      res.set("Cache-Control", "public, max-age=86400");
      res.send(file.body);
    });
  }

  router.use(["/web/data", "/exports"], deps.signedIn ?? [authenticate(deps.dataSource)]);
  router.use(webDataRoutes(deps.dataSource, now));
  router.use(exportRoutes(deps.dataSource, now));
  router.use(boxExportRoutes(deps.dataSource));
  router.use(boxDataRoutes(deps.dataSource));
  router.use(lateDataRoutes(deps.dataSource, now));
  return router;
}
