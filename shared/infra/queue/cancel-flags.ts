/**
 * Cancelling a job that another process is running: the API sets a flag in Redis, the
 * worker polls it and aborts the job's solve thread. BullMQ's own `worker.cancelJob`
 * only reaches jobs in the same process, hence the flag.
 */
export const cancelKey = (prefix: string, queueName: string, jobId: string) =>
  `${prefix}:${queueName}:cancelled:${jobId}`;

/** Long enough for any job to notice; short enough that Redis forgets old flags. */
export const CANCEL_FLAG_TTL_SECONDS = 24 * 60 * 60;
