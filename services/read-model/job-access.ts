/**
 * Jobs are items too: a stateless solve carries its submitter's shipments, so its job
 * id is read and cancelled by the key that asked for it (and by coordinators). A
 * planning run's job has no owner row: coordinators only, as the runs themselves.
 */
import type { EntityManager } from "typeorm";
import { JobOwnerEntity } from "../../shared/infra/db/entities/job-owner.entity.js";
import { notFound } from "../../shared/infra/errors.js";
import type { AccessPolicy } from "./access-policy.js";

export async function recordJobOwner(m: EntityManager, jobId: string, keyId: string): Promise<void> {
  await m.insert(JobOwnerEntity, { jobId, keyId });
  // BullMQ keeps finished jobs 7 days; an owner row needs to outlive its job, not more.
  // The database's clock decides, as it wrote createdAt.
  await m.query(`DELETE FROM "job_owner" WHERE "createdAt" < now() - interval '8 days'`);
}

export async function assertJobVisible(m: EntityManager, policy: AccessPolicy, jobId: string): Promise<void> {
  if (policy.seesAll) return; // coordinators read every job: no lookup
  const owner = await m.findOneBy(JobOwnerEntity, { jobId });
  if (!policy.seesJob(owner?.keyId ?? null)) throw notFound("job", jobId);
}
