/** Label lookup: one function the server pages, the exports and the browser dictionary all use. */
import type { Lang } from "./locale.js";
import { EN_MESSAGES } from "./messages/en.messages.js";
import { ID_MESSAGES, type MessageKey } from "./messages/id.messages.js";

export type { MessageKey };
export type Params = Record<string, string | number>;

export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { id: ID_MESSAGES, en: EN_MESSAGES };

/** `{name}` placeholders are filled from params; a missing parameter stays visible instead of vanishing. */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  const template = DICTIONARIES[lang][key] ?? ID_MESSAGES[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A translator bound to one language, for code that renders a whole page. */
export function translator(lang: Lang): (key: MessageKey, params?: Params) => string {
  return (key, params) => translate(lang, key, params);
}
