/** A download: the right type, a safe file name, never cached (what a key may see changes). */
import type { Response } from "express";

/** File names carry only safe characters: ids come from users. */
const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 80) || "file";

export function sendFile(res: Response, body: string, type: string, filename: string, inline = false) {
  res.set("Content-Type", type);
  res.set("Content-Disposition", `${inline ? "inline" : "attachment"}; filename="${safeName(filename)}"`);
  res.set("Cache-Control", "no-store");
  res.send(body);
}
