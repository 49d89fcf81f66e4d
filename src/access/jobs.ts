import { Forbidden, type PayloadRequest } from 'payload'

/**
 * Nobody runs, queues or cancels jobs over HTTP (`/api/payload-jobs/run`, `/handle-schedules`):
 * our own runners (src/jobs/queueRunner.ts, the worker, Payload's autoRun cron) run the queues
 * in-process through the Local API, which overrides this access, and a member who could start
 * the queue would bypass TRANSCODE_CONCURRENCY.
 *
 * A logged-in user is told 403 (Payload would say 401 "log in" for a plain `false`, which is
 * wrong for someone already logged in); anonymous callers get Payload's 401.
 */
export const noJobsOverHttp = ({ req }: { req: PayloadRequest }): boolean => {
  if (req.user) throw new Forbidden(req.t)
  return false
}

export const jobsAccess = { run: noJobsOverHttp, queue: noJobsOverHttp, cancel: noJobsOverHttp }
