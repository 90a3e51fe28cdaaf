/**
 * The OpenAPI 3.1 document. Schemas come from the same zod schemas the routes parse
 * with (z.toJSONSchema), so the document cannot drift from what is accepted.
 */
import { z } from "zod";
import { lateAssignBodySchema } from "../../shared/contracts/boxes.schemas.js";
import { STORED_CONTAINER_STATUSES } from "../../shared/contracts/container-lifecycle.js";
import {
  apiKeyCreateSchema,
  boxTypeInputSchema,
  containerTypeInputSchema,
  depotInputSchema,
  planRequestSchema,
  portInputSchema,
  sailingInputSchema,
  shipmentBatchSchema,
  shipmentCreateSchema,
  villageInputSchema,
} from "../../shared/contracts/resources.schemas.js";
import { scenarioSchema } from "../../shared/core/model/scenario.js";

const json = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Record<
    string,
    unknown
  >;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (name: string) => ({ required: true, content: { "application/json": { schema: ref(name) } } });
const ok = (description: string, schema?: object) => ({
  description,
  ...(schema ? { content: { "application/json": { schema } } } : {}),
});
const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [
      String(c),
      { description: ERROR_TEXT[c], content: { "application/json": { schema: ref("Errors") } } },
    ]),
  );
const ERROR_TEXT: Record<number, string> = {
  400: "Malformed request: each error names the field",
  401: "Missing or unknown API key",
  403: "The key's role may not do this",
  404: "No such thing (or not visible to this key)",
  409: "Conflicts with the current state (duplicate id, move not allowed now, deleting what is in use)",
  413: "The body is over this endpoint's size limit (1 MB; 5 MB for a batch or CSV import; 32 MB for a Scenario)",
  422: "Refers to things that do not exist",
};
const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };
/** Writes people repeat (dropped connection, double press) take an idempotency key. */
const idempotencyKey = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "Any 1-255 visible ASCII characters (a UUID). The same key with the same request within 24 h replays the first answer (header Idempotent-Replayed: true) and writes nothing; with another request: 422.",
  schema: { type: "string", maxLength: 255 },
};

function referencePaths(path: string, schema: string, noun: string, listParams: object[] = []) {
  return {
    [`/v1/${path}`]: {
      get: {
        tags: ["reference data"],
        summary: `List ${path}`,
        ...(listParams.length > 0 ? { parameters: listParams } : {}),
        responses: { 200: ok("List"), ...(listParams.length > 0 ? errors(400) : {}) },
      },
      post: {
        tags: ["reference data"],
        summary: `Create a ${noun} (coordinator)`,
        requestBody: body(schema),
        responses: { 201: ok("Created"), ...errors(400, 413, 401, 403, 409, 422) },
      },
    },
    [`/v1/${path}/{id}`]: {
      parameters: [idParam],
      get: {
        tags: ["reference data"],
        summary: `Read a ${noun}`,
        responses: { 200: ok("Found"), ...errors(404) },
      },
      put: {
        tags: ["reference data"],
        summary: `Create or replace a ${noun} (coordinator)`,
        requestBody: body(schema),
        responses: { 200: ok("Replaced"), 201: ok("Created"), ...errors(400, 413, 403, 422) },
      },
      delete: {
        tags: ["reference data"],
        summary: `Delete a ${noun} (coordinator); refused while referenced`,
        responses: { 204: ok("Deleted"), ...errors(403, 404, 409) },
      },
    },
  };
}

export function openApiDocument(serverUrl?: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Muatan API",
      version: "1",
      description:
        'Export-logistics consolidation planner for Indonesian village cooperatives (BUMDes): shipments are packed into 3-ton containers and pickup trucks routed from depots through villages to export ports before the cut-off. Every /v1 route needs `Authorization: Bearer KEY`; keys have a role (coordinator, bumdes, exporter). Errors are `{"errors":[{"path","message"}]}`.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ bearer: [] }],
    tags: [
      { name: "solve", description: "Stateless: a Scenario in, a Plan out, through a job" },
      { name: "shipments" },
      { name: "planning", description: "Stateful planning from the database" },
      { name: "containers", description: "Container tracking" },
      { name: "sea boxes", description: "Sea boxes, stuffing lists, statements, late shipments (issue 9)" },
      { name: "reference data" },
      { name: "access" },
    ],
    paths: {
      "/health": {
        get: {
          tags: ["access"],
          security: [],
          summary: "Database and queue in use",
          responses: { 200: ok("Healthy"), 503: ok("Degraded") },
        },
      },
      "/v1/solve": {
        post: {
          tags: ["solve"],
          summary: "Enqueue a Scenario; poll the job for the Plan",
          parameters: [
            { name: "timeLimitSeconds", in: "query", schema: { type: "number", minimum: 0.1, maximum: 600 } },
            { name: "seed", in: "query", schema: { type: "integer", minimum: 0 } },
          ],
          requestBody: body("Scenario"),
          responses: {
            202: ok("Queued", {
              type: "object",
              properties: { jobId: { type: "string" } },
              required: ["jobId"],
            }),
            ...errors(400, 413, 401),
          },
        },
      },
      "/v1/jobs/{id}": {
        parameters: [idParam],
        get: {
          tags: ["solve"],
          summary:
            "Job state, progress 0..100, and the Plan once completed (the key that asked for it, or a coordinator; others get 404)",
          responses: { 200: ok("Job", ref("Job")), ...errors(404) },
        },
        delete: {
          tags: ["solve"],
          summary: "Cancel a queued or running job",
          responses: { 200: ok("Cancelled", ref("Job")), ...errors(404, 409) },
        },
      },
      "/v1/shipments": {
        get: {
          tags: ["shipments"],
          summary: "List visible shipments (bumdes: its villages; exporter: its own)",
          parameters: [
            "village",
            "status",
            "exporter",
            "product",
            "handling",
            "destination",
            "limit",
            "offset",
          ].map((name) => ({
            name,
            in: "query",
            schema: { type: name === "limit" || name === "offset" ? "integer" : "string" },
          })),
          responses: { 200: ok("Page of shipments"), ...errors(400, 401) },
        },
        post: {
          tags: ["shipments"],
          summary: "Create a shipment",
          parameters: [idempotencyKey],
          requestBody: body("ShipmentCreate"),
          responses: { 201: ok("Created"), ...errors(400, 413, 403, 409, 422) },
        },
      },
      "/v1/shipments/batch": {
        post: {
          tags: ["shipments"],
          summary: "Create many shipments, all or none",
          parameters: [idempotencyKey],
          requestBody: body("ShipmentBatch"),
          responses: { 201: ok("Created"), ...errors(400, 413, 403, 409, 422) },
        },
      },
      "/v1/shipments/import": {
        post: {
          tags: ["shipments"],
          summary:
            "Import shipments from CSV (header: id,village,product,handling,weightKg,volumeM3,packages,readyAt,sailBy,destination,exporter), all or none",
          parameters: [idempotencyKey],
          requestBody: { required: true, content: { "text/csv": { schema: { type: "string" } } } },
          responses: { 201: ok("Imported"), ...errors(400, 413, 403, 409, 422) },
        },
      },
      "/v1/shipments/{id}": {
        parameters: [idParam],
        get: {
          tags: ["shipments"],
          summary: "Read a shipment, with its container and pickup time",
          responses: { 200: ok("Found"), ...errors(404) },
        },
        delete: {
          tags: ["shipments"],
          summary: "Cancel (same as POST .../cancel)",
          responses: { 200: ok("Cancelled"), ...errors(404, 409) },
        },
      },
      "/v1/shipments/{id}/cancel": {
        parameters: [idParam],
        post: {
          tags: ["shipments"],
          summary: "Cancel a shipment not yet in a confirmed container",
          responses: { 200: ok("Cancelled"), ...errors(404, 409) },
        },
      },
      "/v1/shipments/{id}/options": {
        parameters: [idParam],
        get: {
          tags: ["sea boxes"],
          summary:
            "Where a late shipment still fits (coordinator): containers still planned that could take it under every rule without moving another stop out of its window or its container past its cut-off, cheapest first; newContainer = a container of its own, or null",
          responses: {
            200: ok("Options", {
              type: "object",
              properties: {
                shipment: { type: "string" },
                options: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: {
                      container: { type: "string" },
                      addedKm: { type: "number" },
                      addedCost: { type: "number" },
                      pickupAt: { type: "string" },
                      portArrival: { type: "string" },
                      sailing: { type: "string" },
                    },
                    required: ["container", "addedKm", "addedCost", "pickupAt", "portArrival"],
                  },
                },
                newContainer: { type: ["object", "null"] },
              },
              required: ["options", "newContainer"],
            }),
            ...errors(403, 404, 409),
          },
        },
      },
      "/v1/shipments/{id}/assign": {
        parameters: [idParam],
        post: {
          tags: ["sea boxes"],
          summary:
            "Put a late shipment into a planned container (coordinator): a new plan version (its Plan and Scenario at /v1/plans/{run}/plan|scenario), the other containers unchanged; 409 if the container is no longer planned or the shipment no longer fits",
          requestBody: body("LateAssign"),
          responses: {
            201: ok("Assigned", {
              type: "object",
              properties: {
                shipment: { type: "string" },
                run: { type: "string" },
                version: { type: "integer" },
                replaced: { type: "string", description: "the container row it replaced" },
                container: { type: "string", description: "the new row of that container" },
                box: { type: ["string", "null"] },
              },
            }),
            ...errors(400, 403, 404, 409, 422),
          },
        },
      },
      "/v1/boxes": {
        get: {
          tags: ["sea boxes"],
          summary:
            "Sea boxes of the current plan, each with its containers, weight, freight and sailing (a key sees a box when it sees a container in it; inside, only its own shipments)",
          parameters: ["sailing", "current", "limit", "offset"].map((name) => ({
            name,
            in: "query",
            schema: { type: name === "limit" || name === "offset" ? "integer" : "string" },
          })),
          responses: { 200: ok("Page of boxes"), ...errors(400, 401) },
        },
      },
      "/v1/boxes/{id}": {
        parameters: [idParam],
        get: {
          tags: ["sea boxes"],
          summary: "One sea box",
          responses: { 200: ok("Box"), ...errors(404) },
        },
      },
      "/v1/statements": {
        get: {
          tags: ["sea boxes"],
          summary:
            "What the current plan charges each BUMDes or exporter (truck share + sea freight share, per kg); coordinators all rows, a BUMDes key its own, an exporter key its own",
          parameters: [
            { name: "by", in: "query", schema: { enum: ["bumdes", "exporter"], default: "bumdes" } },
            {
              name: "from",
              in: "query",
              schema: { type: "string" },
              description: "YYYY-MM-DD (the village's day; a day the calendar has) or an instant",
            },
            {
              name: "to",
              in: "query",
              schema: { type: "string" },
              description: "YYYY-MM-DD (included) or an instant",
            },
            { name: "format", in: "query", schema: { enum: ["json", "csv"], default: "json" } },
            { name: "lang", in: "query", schema: { enum: ["id", "en"] }, description: "CSV header language" },
          ],
          responses: {
            200: ok("Statement", {
              type: "object",
              properties: {
                by: { enum: ["bumdes", "exporter"] },
                items: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: {
                      bumdes: { type: ["string", "null"] },
                      exporter: { type: ["string", "null"] },
                      villages: { type: "array", items: { type: "string" } },
                      shipments: { type: "integer" },
                      weightKg: { type: "number" },
                      truck: { type: "integer" },
                      freight: { type: "integer" },
                      total: { type: "integer" },
                      perKg: { type: "integer" },
                    },
                  },
                },
                totals: { type: "object" },
              },
            }),
            ...errors(400, 401),
          },
        },
      },
      "/v1/plans": {
        get: {
          tags: ["planning"],
          summary: "Planning runs, newest first (coordinator): {items, total, limit, offset}",
          parameters: [
            {
              name: "limit",
              in: "query",
              schema: { type: "integer", minimum: 1, maximum: 100, default: 20 },
            },
            { name: "offset", in: "query", schema: { type: "integer", minimum: 0, default: 0 } },
          ],
          responses: { 200: ok("Page of runs"), ...errors(400) },
        },
        post: {
          tags: ["planning"],
          summary: "Plan a region (island) or ports over a horizon from the open shipments (coordinator)",
          parameters: [idempotencyKey],
          requestBody: body("PlanRequest"),
          responses: { 202: ok("Queued run"), ...errors(400, 413, 403, 422) },
        },
      },
      "/v1/plans/{id}": {
        parameters: [idParam],
        get: {
          tags: ["planning"],
          summary: "A run: state, progress, version, summary, unassigned",
          responses: { 200: ok("Run"), ...errors(404) },
        },
      },
      "/v1/plans/{id}/containers": {
        parameters: [idParam],
        get: {
          tags: ["planning"],
          summary: "The containers the run planned",
          responses: { 200: ok("Containers"), ...errors(404) },
        },
      },
      "/v1/plans/{id}/plan": {
        parameters: [idParam],
        get: {
          tags: ["planning"],
          summary: "The stored Plan document",
          responses: { 200: ok("Plan"), ...errors(404) },
        },
      },
      "/v1/plans/{id}/scenario": {
        parameters: [idParam],
        get: {
          tags: ["planning"],
          summary: "The Scenario the run solved",
          responses: { 200: ok("Scenario", ref("Scenario")), ...errors(404) },
        },
      },
      "/v1/containers": {
        get: {
          tags: ["containers"],
          summary:
            "Current containers (exporter: those holding its shipments; bumdes: those stopping at its villages)",
          parameters: ["status", "port", "sailing", "planVersion", "current", "limit", "offset"].map(
            (name) => ({
              name,
              in: "query",
              schema: name === "status" ? { enum: [...STORED_CONTAINER_STATUSES] } : { type: "string" },
            }),
          ),
          responses: { 200: ok("Page of containers"), ...errors(400) },
        },
      },
      "/v1/containers/{id}": {
        parameters: [idParam],
        get: {
          tags: ["containers"],
          summary: "Fill, shipments, sailing, minutes to cut-off, history",
          responses: { 200: ok("Container"), ...errors(404) },
        },
      },
      "/v1/containers/{id}/status": {
        parameters: [idParam],
        post: {
          tags: ["containers"],
          summary: "Move along planned -> confirmed -> (stops picked up) -> at-port -> sailed (coordinator)",
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: { status: { enum: ["confirmed", "at-port", "sailed"] } },
                  required: ["status"],
                },
              },
            },
          },
          responses: { 200: ok("Moved"), ...errors(400, 413, 403, 404, 409) },
        },
      },
      "/v1/containers/{id}/stops/{index}/picked-up": {
        parameters: [
          idParam,
          { name: "index", in: "path", required: true, schema: { type: "integer", minimum: 0 } },
        ],
        post: {
          tags: ["containers"],
          summary: "Record the pickup at a stop, in route order (coordinator, or the stop's BUMDes)",
          responses: { 200: ok("Recorded"), ...errors(403, 404, 409) },
        },
      },
      "/v1/me": { get: { tags: ["access"], summary: "The calling key", responses: { 200: ok("Key") } } },
      "/v1/keys": {
        get: {
          tags: ["access"],
          summary: "Keys (coordinator); secrets are never shown again",
          responses: { 200: ok("Keys") },
        },
        post: {
          tags: ["access"],
          summary: "Issue a key (coordinator); the response shows it once",
          requestBody: body("ApiKeyCreate"),
          responses: { 201: ok("Issued"), ...errors(400, 413, 403, 422) },
        },
      },
      "/v1/keys/{id}": {
        parameters: [idParam],
        delete: {
          tags: ["access"],
          summary: "Revoke a key (coordinator)",
          responses: { 204: ok("Revoked"), ...errors(404, 409) },
        },
      },
      "/v1/settings/planning": {
        get: {
          tags: ["planning"],
          summary: "Planning defaults (objective, travel, product rules)",
          responses: { 200: ok("Defaults") },
        },
        put: {
          tags: ["planning"],
          summary: "Replace planning defaults (coordinator)",
          responses: { 200: ok("Saved"), ...errors(400, 413, 403, 409) },
        },
      },
      ...referencePaths("villages", "Village", "village", [
        { name: "island", in: "query", schema: { type: "string" } },
        { name: "bumdes", in: "query", schema: { type: "string" } },
        {
          name: "timeZone",
          in: "query",
          schema: { type: "string" },
          description: "An IANA zone, e.g. Asia/Makassar",
        },
        {
          name: "zone",
          in: "query",
          schema: { enum: ["WIB", "WITA", "WIT"] },
          description: "Indonesia's zone by name",
        },
      ]),
      ...referencePaths("ports", "Port", "port"),
      ...referencePaths("depots", "Depot", "depot"),
      ...referencePaths("sailings", "Sailing", "sailing"),
      ...referencePaths("container-types", "ContainerType", "container type"),
      ...referencePaths("box-types", "BoxType", "box type"),
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "API key" } },
      schemas: {
        Errors: {
          type: "object",
          properties: {
            errors: {
              type: "array",
              items: {
                type: "object",
                properties: { path: { type: "string" }, message: { type: "string" } },
                required: ["path", "message"],
              },
            },
          },
          required: ["errors"],
        },
        Job: {
          type: "object",
          properties: {
            id: { type: "string" },
            type: { enum: ["solve", "plan"] },
            state: { enum: ["queued", "active", "completed", "failed", "cancelled"] },
            progress: { type: "integer", minimum: 0, maximum: 100 },
            plan: { type: "object", description: "The Plan (completed solve jobs)" },
            errors: { type: "array", items: { type: "object" }, description: "Why it failed (failed jobs)" },
          },
          required: ["id", "state", "progress"],
        },
        Scenario: json(scenarioSchema),
        Village: json(villageInputSchema),
        Port: json(portInputSchema),
        Depot: json(depotInputSchema),
        Sailing: json(sailingInputSchema),
        ContainerType: json(containerTypeInputSchema),
        BoxType: json(boxTypeInputSchema),
        LateAssign: json(lateAssignBodySchema),
        ShipmentCreate: json(shipmentCreateSchema),
        ShipmentBatch: json(shipmentBatchSchema),
        PlanRequest: json(planRequestSchema),
        ApiKeyCreate: json(apiKeyCreateSchema),
      },
    },
  };
}
