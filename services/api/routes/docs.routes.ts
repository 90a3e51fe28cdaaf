/** `/openapi.json` and readable docs at `/docs` (Swagger UI, served locally: no CDN). */
import express, { Router } from "express";
import { getAbsoluteFSPath } from "swagger-ui-dist";
import { openApiDocument } from "../openapi.js";

const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Muatan API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script></body></html>`;
const INIT_JS = `window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#ui", persistAuthorization: true });`;

export function docsRouter(publicUrl?: string): Router {
  const router = Router();
  const doc = openApiDocument(publicUrl);
  router.get("/openapi.json", (_req, res) => {
    res.json(doc);
  });
  router.use("/docs/assets", express.static(getAbsoluteFSPath(), { index: false }));
  router.get("/docs/init.js", (_req, res) => {
    res.type("application/javascript").send(INIT_JS);
  });
  router.get(["/docs", "/docs/"], (_req, res) => {
    res.type("html").send(DOCS_HTML);
  });
  return router;
}
