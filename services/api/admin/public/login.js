// Sign-in for the queue dashboard: trade a coordinator key for the short-lived session cookie.
// A coordinator already signed in to the Muatan dashboard on this browser has the key stored
// there (same origin): it is used at once, so the link from the dashboard just opens the queues.
(() => {
  const params = new URLSearchParams(location.search);
  const next = params.get("next");
  const target = next?.startsWith("/admin/") ? next : "/admin/queues";
  const form = document.getElementById("login");
  const input = document.getElementById("key");
  const message = document.getElementById("message");
  // The common refusals in the page's language; anything else as the API said it.
  const WORDS = {
    id: {
      401: "Kunci tidak dikenal, sudah dicabut, atau kedaluwarsa.",
      403: "Kunci ini bukan kunci koordinator.",
    },
    en: { 401: "Unknown, revoked or expired key.", 403: "This is not a coordinator key." },
  };
  const words = WORDS[document.documentElement.lang] ?? WORDS.id;

  async function signIn(key) {
    const res = await fetch("/admin/session", {
      method: "POST",
      headers: { authorization: `Bearer ${key}` },
      credentials: "same-origin",
    });
    if (res.status === 204) {
      location.replace(target);
      return;
    }
    const body = await res.json().catch(() => ({}));
    message.textContent = words[res.status] ?? body.errors?.[0]?.message ?? `${res.status} ${res.statusText}`;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const key = input.value.trim();
    if (key) void signIn(key);
  });
  const stored = localStorage.getItem("muatan.apiKey");
  if (stored && !params.has("signed-out")) void signIn(stored);
})();
