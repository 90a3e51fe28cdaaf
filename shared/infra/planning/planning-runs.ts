/**
 * A planning run's life, seen from the API: created (its Scenario read from the database,
 * its job queued), cancelled. Outcomes the caller must handle are values, not exceptions:
 * a request that conflicts with a run already in flight comes back as `conflict`.
 *
 * The concurrent-plans rule: at most one run in flight per island. Two coordinators
 * pressing "plan" for the same island at once get one run and one 409 naming it (wait for
 * it, or cancel it, then plan again); planning after it finished re-plans on top (the new
 * version supersedes the containers still "planned"). Deciding is serialised by a lock on
 * the run table, held only for the check and the insert. A run the queue no longer knows
 * (its service stopped mid-run) or has already finished does not block: it is failed with
 * a message saying so. storePlan guards the same rule at write time (`baseVersion`).
 */
import { randomUUID } from "node:crypto";
import { type DataSource, type EntityManager, In } from "typeorm";
import type { PlanRequest } from "../../contracts/resources.schemas.js";
import type { Scenario } from "../../core/model/scenario.js";
import { PlanningRunEntity } from "../db/entities/planning-run.entity.js";
import { ShipmentEntity } from "../db/entities/shipment.entity.js";
import { buildScenario } from "../db/scenario.builder.js";
import { INVALID_REASON, type SkippedRecord } from "../db/usable-records.js";
import type { FieldError } from "../errors.js";
import type { PlanningQueue } from "../queue/planning-queue.js";
import { type PlanningSettings, submitPlanning } from "./planning-jobs.js";

export interface PlanningRunDeps {
  dataSource: DataSource;
  queue: PlanningQueue;
  planning: PlanningSettings;
  now: () => Date;
}

export type CreateRunOutcome =
  | { kind: "created"; run: PlanningRunEntity }
  | { kind: "conflict"; errors: FieldError[] };

/**
 * A run in the database that the queue does not know may only be on its way there (the
 * row is committed before the job is enqueued): only after this long is it forgotten.
 */
export const ORPHAN_GRACE_MS = 60_000;

/** Islands a scenario's villages are on; "*" for a village that does not say (it could be anywhere). */
const ANY_ISLAND = "*";

function islandsOf(scenario: Scenario): Set<string> {
  return new Set(scenario.villages.map((v) => v.island ?? ANY_ISLAND));
}

const overlaps = (a: Set<string>, b: Set<string>) =>
  a.has(ANY_ISLAND) || b.has(ANY_ISLAND) || [...a].some((i) => b.has(i));

interface InFlight {
  id: string;
  state: "queued" | "active";
  updatedAt: Date;
  islands: string[];
}

/**
 * Shipments a run leaves out because they cannot be planned as stored say so where people
 * look: status "unassigned", reason INVALID, and what to fix. One already "planned" keeps
 * its container and status (the run lists it; the container is not this run's to undo).
 */
async function markLeftOut(m: EntityManager, skipped: SkippedRecord[]): Promise<void> {
  for (const s of skipped.filter((r) => r.record === "shipment")) {
    await m.update(
      ShipmentEntity,
      { id: s.id, status: In(["open", "unassigned"]) },
      {
        status: "unassigned",
        containerId: null,
        pickupAt: null,
        unassignedReason: INVALID_REASON,
        unassignedDetail: `cannot be planned as stored: ${s.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`,
      },
    );
  }
}

export function planningRuns(deps: PlanningRunDeps) {
  const ds = deps.dataSource;

  /** Runs the queue still holds (or has just been handed) block; the others are failed here. */
  async function blockingRuns(m: EntityManager, islands: Set<string>): Promise<InFlight[]> {
    const rows = (await m.query(
      `SELECT r."id", r."state", r."updatedAt",
              ARRAY(SELECT DISTINCT COALESCE(v ->> 'island', '${ANY_ISLAND}')
                      FROM jsonb_array_elements(r."scenario" -> 'villages') v) AS "islands"
         FROM "planning_run" r WHERE r."state" IN ('queued', 'active') ORDER BY r."createdAt"`,
    )) as InFlight[];
    const blocking: InFlight[] = [];
    for (const row of rows.filter((r) => overlaps(islands, new Set(r.islands)))) {
      const job = await deps.queue.status(row.id);
      const live = job
        ? job.state === "queued" || job.state === "active"
        : deps.now().getTime() - new Date(row.updatedAt).getTime() < ORPHAN_GRACE_MS;
      if (live) {
        blocking.push(row);
        continue;
      }
      await m.update(
        PlanningRunEntity,
        { id: row.id },
        {
          state: "failed",
          finishedAt: deps.now(),
          errors: [
            {
              path: "(job)",
              message: job
                ? `the planning job ended (${job.state}) without finishing this run; plan again`
                : "the planning job is no longer in the queue (the service or its queue stopped while it ran); plan again",
            },
          ],
        },
      );
    }
    return blocking;
  }

  function busyMessage(request: PlanRequest, run: InFlight): FieldError {
    const what = request.region
      ? `the island ${request.region}`
      : `the islands of ports ${(request.ports ?? []).join(", ")}`;
    const doing = run.state === "queued" ? "already queued to plan" : "already planning";
    return {
      path: request.region ? "region" : "ports",
      message:
        `run ${run.id} is ${doing} ${what} (islands: ${run.islands.join(", ")}); wait for it to finish ` +
        `(GET /v1/plans/${run.id}) or cancel it (DELETE /v1/jobs/${run.id}), then plan again`,
    };
  }

  return {
    /** Read the Scenario, refuse if the island is being planned, store the run and queue its job. */
    async create(request: PlanRequest, createdBy: string | null): Promise<CreateRunOutcome> {
      const id = randomUUID();
      const outcome = await ds.transaction(async (m): Promise<CreateRunOutcome> => {
        // Read before the scenario: a version stored meanwhile is then newer than the base,
        // and storePlan checks it against this run's shipments.
        const [{ max }] = (await m.query(`SELECT COALESCE(MAX("version"), 0) AS max FROM "plan"`)) as {
          max: number;
        }[];
        const built = await buildScenario(m, request, `run-${id}`);
        await m.query(`LOCK TABLE "planning_run" IN SHARE ROW EXCLUSIVE MODE`);
        const blocking = await blockingRuns(m, islandsOf(built.scenario));
        if (blocking.length > 0)
          return { kind: "conflict", errors: blocking.map((r) => busyMessage(request, r)) };
        const run = await m.save(PlanningRunEntity, {
          id,
          state: "queued",
          progress: 0,
          request,
          scenario: built.scenario,
          keptContainers: built.keptContainers,
          skipped: built.skipped,
          baseVersion: Number(max),
          planVersion: null,
          errors: null,
          createdBy,
          finishedAt: null,
        });
        await markLeftOut(m, built.skipped);
        return { kind: "created", run };
      });
      if (outcome.kind !== "created") return outcome;
      try {
        // The run id is the job id: enqueueing twice cannot plan twice. A big week is a flow.
        await submitPlanning(
          deps.queue,
          {
            name: "plan",
            data: {
              runId: id,
              timeLimitMs:
                request.timeLimitSeconds !== undefined
                  ? Math.round(request.timeLimitSeconds * 1000)
                  : deps.planning.timeLimitMs,
              seed: request.seed ?? deps.planning.seed,
            },
          },
          outcome.run.scenario as Scenario,
          deps.planning,
          id,
        );
      } catch (error) {
        await ds.getRepository(PlanningRunEntity).update(
          { id },
          {
            state: "failed",
            errors: [{ path: "(queue)", message: `could not enqueue: ${(error as Error).message}` }],
            finishedAt: deps.now(),
          },
        );
        throw error;
      }
      return outcome;
    },
  };
}

export type PlanningRuns = ReturnType<typeof planningRuns>;
