/**
 * `npm run worker`: the same Payload config, running only the job queue (scheduled publishing,
 * transcoding, mail), so web processes can run with RUN_JOBS=false.
 */
import 'dotenv/config'

// This process exists to run the queue, whatever the web processes are told.
process.env.RUN_JOBS = 'true'

const { getPayload } = await import('payload')
const { default: config } = await import('../payload.config')

const { startBackgroundWork } = await import('../jobs/start')

const payload = await getPayload({ config, cron: true })
const stopBackgroundWork = startBackgroundWork(payload, { runJobs: true })
payload.logger.info('Worker: running the job queue')

// Croner's timers are unref'd; hold the process open until we are told to stop.
const alive = setInterval(() => {}, 60_000)
const stop = (signal: string) => {
  payload.logger.info(`${signal}: worker stopping`)
  clearInterval(alive)
  stopBackgroundWork()
    .then(() => payload.destroy())
    .then(() => process.exit(0))
    .catch(() => process.exit(1))
}
process.once('SIGTERM', () => stop('SIGTERM'))
process.once('SIGINT', () => stop('SIGINT'))
