/** The admin as an editor meets it in development: Next dev compiling on demand, and its login form. */
import path from 'node:path'

import type { Page } from 'playwright-core'

import { startAppProcess, type AppProcess } from './process'

export type AdminAccount = { email: string; password: string }

/**
 * Starts `src/server/index.ts` with Next dev on its own database (demo content included) and
 * `account` as the first administrator. `base` is the URL to browse: Next's dev server takes its
 * own resources (HMR) only from the host it was started on, which is `localhost`.
 */
export const startAdminDevApp = async (name: string, account: AdminAccount, { runJobs }: { runJobs: boolean }): Promise<{ app: AppProcess; base: string }> => {
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
  return { app, base: app.url.replace('127.0.0.1', 'localhost') }
}

/** Logs in through the admin's own form and waits for the dashboard (the first compile is slow). */
export const logInToAdmin = async (page: Page, base: string, account: AdminAccount) => {
  await page.goto(`${base}/admin/login`, { timeout: 240_000 })
  await page.locator('input[name="email"]').fill(account.email)
  await page.locator('input[name="password"]').fill(account.password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => url.pathname === '/admin', { timeout: 240_000 })
}
