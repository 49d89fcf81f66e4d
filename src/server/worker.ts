/**
 * `npm run worker`: the same Payload config, running only the job queue (scheduled publishing,
 * transcoding, mail), so web processes can run with RUN_JOBS=false.
 */
import 'dotenv/config'

// This process exists to run the queue, whatever the web processes are told.
process.env.RUN_JOBS = 'true'

const { getPayload } = await import('payload')
const { default: config } = await import('../payload.config')

const { watchLeases } = await import('../video/lease')
const { videoRunner } = await import('../video/runner')
const { mailRunner } = await import('../email/queue')
const { readEnv } = await import('../config/env')

const payload = await getPayload({ config, cron: true })
const stopLeases = watchLeases(payload)
const stopVideo = videoRunner.start(payload, readEnv().transcodeConcurrency)
const stopMail = mailRunner.start(payload, 10)
payload.logger.info('Worker: running the job queue')

// Croner's timers are unref'd; hold the process open until we are told to stop.
const alive = setInterval(() => {}, 60_000)
const stop = (signal: string) => {
  payload.logger.info(`${signal}: worker stopping`)
  clearInterval(alive)
  stopLeases()
  stopVideo()
  stopMail()
  payload
    .destroy()
    .then(() => process.exit(0))
    .catch(() => process.exit(1))
}
process.once('SIGTERM', () => stop('SIGTERM'))
process.once('SIGINT', () => stop('SIGINT'))
