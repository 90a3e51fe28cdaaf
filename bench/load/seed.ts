/**
 * What the load run stores before it measures, through the API as a client would:
 *  - `seedShipments`: N shipments through `POST /v1/shipments/batch` (5,000 a request, the
 *    batch limit), copies of the demo week's shipments booked 1 to 12 weeks later, so they
 *    are spread over the demo's villages, exporters and products and are not in the demo
 *    week's plan;
 *  - `planDemoWeek`: a planning run of the demo week (its ~100 shipments) so the container
 *    list has real rows;
 *  - `bumdesKey`: a BUMDes key for the demo village with the most planned shipments.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./api-process.js";

// biome-ignore lint/suspicious/noExplicitAny: answers are read loosely and checked by status
type Json = any;

export const DEMO_WEEK = join(ROOT, "data/demo/kalimantan-week.json");
const BATCH = 5000;
const WEEK_MS = 7 * 24 * 3600 * 1000;

interface DemoShipment {
  id: string;
  village: string;
  readyAt?: string;
  sailBy?: string;
  [field: string]: unknown;
}

export async function call(
  baseUrl: string,
  key: string,
  method: string,
  path: string,
  json?: unknown,
): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(json !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: json !== undefined ? JSON.stringify(json) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const later = (instant: string | undefined, weeks: number) =>
  instant === undefined ? undefined : new Date(Date.parse(instant) + weeks * WEEK_MS).toISOString();

/** `count` shipment bodies: the demo week's shipments again and again, each copy 1-12 weeks later. */
export function bookedShipments(count: number, prefix = "LD"): DemoShipment[] {
  const demo = JSON.parse(readFileSync(DEMO_WEEK, "utf8")).shipments as DemoShipment[];
  return Array.from({ length: count }, (_, i) => {
    const copy = Math.floor(i / demo.length);
    const s = demo[i % demo.length];
    const weeks = 1 + (copy % 12);
    return {
      ...s,
      id: `${prefix}-${copy}-${s.id}`,
      readyAt: later(s.readyAt, weeks),
      sailBy: later(s.sailBy, weeks),
    };
  });
}

export interface SeedResult {
  shipments: number;
  ms: number;
  perSecond: number;
}

/** Store `count` shipments through the batch endpoint; throws on any answer but 201. */
export async function seedShipments(
  baseUrl: string,
  key: string,
  count: number,
  onBatch?: (stored: number) => void,
): Promise<SeedResult> {
  const all = bookedShipments(count);
  const started = performance.now();
  for (let i = 0; i < all.length; i += BATCH) {
    const shipments = all.slice(i, i + BATCH);
    const res = await call(baseUrl, key, "POST", "/v1/shipments/batch", { shipments });
    if (res.status !== 201)
      throw new Error(`batch at ${i}: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
    onBatch?.(i + shipments.length);
  }
  const ms = performance.now() - started;
  return { shipments: count, ms, perSecond: count / (ms / 1000) };
}

export interface PlannedWeek {
  runId: string;
  containers: number;
  ms: number;
}

/** Plan the demo week (its island and horizon) and wait for the run to complete. */
export async function planDemoWeek(
  baseUrl: string,
  key: string,
  timeLimitSeconds = 2,
  timeoutMs = 120_000,
): Promise<PlannedWeek> {
  const demo = JSON.parse(readFileSync(DEMO_WEEK, "utf8"));
  const started = performance.now();
  const queued = await call(baseUrl, key, "POST", "/v1/plans", {
    region: demo.villages[0].island,
    horizon: demo.horizon,
    timeLimitSeconds,
    seed: 1,
  });
  if (queued.status !== 202)
    throw new Error(`POST /v1/plans: ${queued.status} ${JSON.stringify(queued.body)}`);
  for (;;) {
    const run = (await call(baseUrl, key, "GET", `/v1/plans/${queued.body.id}`)).body;
    if (run.state === "completed") {
      const containers = (await call(baseUrl, key, "GET", "/v1/containers?limit=1")).body.total as number;
      return { runId: run.id, containers, ms: performance.now() - started };
    }
    if (run.state === "failed" || run.state === "cancelled")
      throw new Error(`planning run ${run.id} ${run.state}: ${JSON.stringify(run.errors)}`);
    if (performance.now() - started > timeoutMs) throw new Error(`planning run ${run.id} still ${run.state}`);
    await new Promise((ok) => setTimeout(ok, 300));
  }
}

/**
 * A BUMDes key for the village whose shipments ride in the most current containers: its
 * scoped lists (shipments of its villages, containers carrying one) are not empty.
 */
export async function bumdesKey(baseUrl: string, key: string): Promise<{ key: string; village: string }> {
  const containers = (await call(baseUrl, key, "GET", "/v1/containers?limit=500")).body.items as {
    shipments: { village: string }[];
  }[];
  const seen = new Map<string, number>();
  for (const c of containers)
    for (const v of new Set(c.shipments.map((s) => s.village))) seen.set(v, (seen.get(v) ?? 0) + 1);
  const village = [...seen].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  if (!village) throw new Error("no container carries a shipment: plan the week first");
  const res = await call(baseUrl, key, "POST", "/v1/keys", {
    role: "bumdes",
    label: "load run",
    villages: [village],
  });
  if (res.status !== 201) throw new Error(`POST /v1/keys: ${res.status} ${JSON.stringify(res.body)}`);
  return { key: res.body.key, village };
}
