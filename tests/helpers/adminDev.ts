/** The admin as an editor meets it in development: Next dev compiling on demand, and its login form. */
import path from 'node:path'

import type { Page } from 'playwright-core'

import { acquireNextDevLock, recordNextDevServer, releaseNextDevLock } from './nextDevLock'
import { startAppProcess, stopAppProcess, type AppProcess } from './process'

export type AdminAccount = { email: string; password: string }

/** A REST token for an account of the app at `base` (its API, beside what the browser does). */
export const apiToken = async (base: string, account: AdminAccount): Promise<string> => {
  const login = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account) })
  if (login.status !== 200) throw new Error(`login ${account.email} failed: ${login.status} ${await login.text()}`)
  return ((await login.json()) as { token: string }).token
}

/** How long a file waits for another's admin tests to end: the longest such file runs about 10 minutes. */
export const ADMIN_DEV_LOCK_WAIT_MS = 900_000

/** Time for `beforeAll`: waiting for the lock, then Next dev's start. */
export const ADMIN_DEV_START_MS = ADMIN_DEV_LOCK_WAIT_MS + 360_000

/**
 * Starts `src/server/index.ts` with Next dev on its own database (demo content included) and
 * `account` as the first administrator. `base` is the URL to browse: Next's dev server takes its
 * own resources (HMR) only from the host it was started on, which is `localhost`. Waits its turn
 * when another test file's Next dev server runs (nextDevLock.ts); stop it with `stopAdminDevApp`.
 */
export const startAdminDevApp = async (name: string, account: AdminAccount, { runJobs }: { runJobs: boolean }): Promise<{ app: AppProcess; base: string }> => {
  await acquireNextDevLock(ADMIN_DEV_LOCK_WAIT_MS)
  try {
    const app = await startAppProcess(
      {
        ...process.env,
        NODE_ENV: 'development',
        ADMIN_EMAIL: account.email,
        ADMIN_PASSWORD: account.password,
        RUN_JOBS: String(runJobs),
        DATABASE_URI: `file:${path.join(process.env.B2C_TEST_ROOT!, name, 'b2c.sqlite')}`,
      },
      300_000,
    )
    recordNextDevServer(app.child.pid!)
    return { app, base: app.url.replace('127.0.0.1', 'localhost') }
  } catch (error) {
    releaseNextDevLock()
    throw error
  }
}

export const stopAdminDevApp = async (app: AppProcess | undefined) => {
  if (app) await stopAppProcess(app.child)
  releaseNextDevLock()
}

/** Logs in through the admin's own form and waits for the dashboard (the first compile is slow). */
export const logInToAdmin = async (page: Page, base: string, account: AdminAccount) => {
  await page.goto(`${base}/admin/login`, { timeout: 240_000 })
  await page.locator('input[name="email"]').fill(account.email)
  await page.locator('input[name="password"]').fill(account.password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => url.pathname === '/admin', { timeout: 240_000 })
}
