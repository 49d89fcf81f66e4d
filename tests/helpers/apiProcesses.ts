import { afterAll } from '@jest/globals'

import { startApiProcess } from './apiProcess'
import { stopAppProcess, type AppProcess } from './process'

/**
 * For one test file: a `start` that runs an API process (src/server without Next) with `env`
 * whenever the test wants one (a restart is a second start), and every one started is stopped
 * after the file, also when the test failed half-way.
 */
export const useApiProcesses = (env: NodeJS.ProcessEnv): (() => Promise<AppProcess>) => {
  const running: AppProcess[] = []
  afterAll(async () => {
    for (const app of running) await stopAppProcess(app.child)
  })
  return async () => {
    const app = await startApiProcess(env)
    running.push(app)
    return app
  }
}
