/** The queue dashboard's sign-in page, in Bahasa Indonesia (default) or English. */
import { escapeHtml } from "../../../shared/views/html-escape.js";

const TEXT = {
  id: {
    title: "Antrean perencanaan",
    lead: "Masukkan kunci akses koordinator untuk membuka dasbor antrean (BullMQ). Sesi berlaku {n} menit pada peramban ini.",
    key: "Kunci akses koordinator",
    submit: "Masuk",
    back: "Kembali ke dasbor",
  },
  en: {
    title: "Planning queue",
    lead: "Enter a coordinator access key to open the queue dashboard (BullMQ). The session lasts {n} minutes in this browser.",
    key: "Coordinator access key",
    submit: "Sign in",
    back: "Back to the dashboard",
  },
} as const;

export function loginPage(lang: "id" | "en", sessionMinutes: number): string {
  const t = TEXT[lang];
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(t.title)} · Muatan</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; color: #1d2733; }
  h1 { font-size: 1.4rem; }
  label { display: block; margin: 1.2rem 0 .4rem; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: .6rem; font-size: 1rem; }
  button { margin-top: 1rem; padding: .6rem 1.2rem; font-size: 1rem; }
  #message { color: #a4161a; min-height: 1.4em; }
</style>
</head>
<body>
<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(t.lead.replace("{n}", String(sessionMinutes)))}</p>
<form id="login">
  <label for="key">${escapeHtml(t.key)}</label>
  <input id="key" name="key" type="password" autocomplete="off" required>
  <button type="submit">${escapeHtml(t.submit)}</button>
  <p id="message" role="alert"></p>
</form>
<p><a href="/${lang === "en" ? "?lang=en" : ""}">${escapeHtml(t.back)}</a></p>
<script src="/admin/login.js"></script>
</body>
</html>
`;
}
