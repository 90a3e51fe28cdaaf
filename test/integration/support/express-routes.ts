/**
 * Every route an express app answers, read from its router stack (express 5 / router 2):
 * a test that walks this list walks a route added tomorrow without being told about it.
 * Middleware (authentication, express.static) is not a route and is not listed.
 */
import type { Express } from "express";

export interface RouteEntry {
  method: string;
  /** the full pattern, mount paths included: "/v1/containers/:id" */
  path: string;
}

interface StackLayer {
  rawPath?: string | string[];
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: StackLayer[] };
}

const paths = (p: string | string[] | undefined): string[] =>
  p === undefined ? [""] : (Array.isArray(p) ? p : [p]).map((x) => (x === "/" ? "" : x));

function walk(stack: StackLayer[], prefix: string, out: RouteEntry[]): void {
  for (const layer of stack) {
    if (layer.route) {
      for (const path of paths(layer.route.path)) {
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (on && method !== "_all") out.push({ method: method.toUpperCase(), path: prefix + path || "/" });
        }
      }
    } else if (layer.handle?.stack) {
      for (const mount of paths(layer.rawPath)) walk(layer.handle.stack, prefix + mount, out);
    }
  }
}

export function listRoutes(app: Express): RouteEntry[] {
  const router = (app as unknown as { router: { stack: StackLayer[] } }).router;
  const out: RouteEntry[] = [];
  walk(router.stack, "", out);
  const seen = new Set<string>();
  return out.filter((r) => {
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
