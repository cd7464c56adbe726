// Signing in to an API behind a JWT authorizer: the API then wants `Authorization: Bearer <token>`.
// A sign-in page that sends the reader back here with `#access_token=...` (as Cognito's hosted UI
// does), or a token pasted into the prompt, both end up in this tab's sessionStorage: gone when the
// tab closes, and never in the address bar, the history or a shared link.

import { h } from "./dom.js";

const KEY = "warta-token";

export class AuthRequired extends Error {}

export function takeTokenFromFragment() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const token = fragment.get("access_token") || fragment.get("id_token");
  if (!token) return;
  sessionStorage.setItem(KEY, token);
  history.replaceState(history.state, "", location.pathname + location.search);
}

export function authHeaders() {
  const token = sessionStorage.getItem(KEY);
  return token ? { Authorization: `Bearer ${token}` } : {};
}

// The notice shown when the API answers 401: what happened, and a field to paste a token into.
export function signInPrompt(onToken) {
  const refused = Boolean(sessionStorage.getItem(KEY));
  const input = h("input", { id: "token", type: "password", autocomplete: "off", required: true,
                             "aria-label": "Access token" });
  const form = h("form", { class: "sign-in", onsubmit: (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY, input.value.trim());
    onToken();
  } }, input, h("button", { type: "submit", text: "Use token" }));
  return h("div", { class: "notice error", role: "alert" },
           h("p", { text: refused ? "The API refused this token (expired?). Paste a new one."
                                  : "This API needs a sign-in token. Paste an access token from your sign-in page." }),
           form);
}
