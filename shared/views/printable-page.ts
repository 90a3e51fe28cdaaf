/**
 * The frame every printable download shares (manifests, stuffing lists, statements): one
 * self-contained page, inline CSS and no script, that prints each `sheet` on a page of
 * its own. Each document adds only the CSS of its own parts.
 */
import { escapeHtml } from "./html-escape.js";
import { type Lang, LOCALES } from "./locale.js";

const BASE_CSS = `body{font:14px/1.4 system-ui,sans-serif;margin:1.5rem;color:#111}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}
dl{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:.25rem 1rem}
dl div{display:flex;gap:.5rem}dt{font-weight:600}dd{margin:0}
table{border-collapse:collapse;width:100%;margin-top:.75rem}
th,td{border:1px solid #999;padding:.25rem .4rem;text-align:left;vertical-align:top}
.n{text-align:right;white-space:nowrap}`;

export interface PrintablePage {
  lang: Lang;
  title: string;
  /** the class of the element printed one per page */
  sheet: string;
  /** the document's own CSS, after the shared rules */
  css?: string;
  /** already-escaped HTML for the body */
  body: string;
}

export function printablePage(p: PrintablePage): string {
  return `<!doctype html>
<html lang="${escapeHtml(LOCALES[p.lang])}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.title)}</title>
<style>
${BASE_CSS}${p.css ? `\n${p.css}` : ""}
@media print{body{margin:0}.${p.sheet}{page-break-after:always}.noprint{display:none}}
</style>
</head>
<body>
${p.body}
</body>
</html>
`;
}
