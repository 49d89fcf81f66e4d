import type { Payload } from 'payload'

/**
 * libsql opens connections with no busy timeout, so two processes writing at the same moment
 * get SQLITE_BUSY at once. Writes that must not be lost are retried for a few seconds.
 */
export const retryWhenBusy = async <T>(write: () => Promise<T>, attempts = 40): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write()
    } catch (error) {
      const busy = /SQLITE_BUSY|database is locked/i.test(String((error as Error)?.message) + String((error as { cause?: Error })?.cause?.message))
      if (!busy || attempt >= attempts) throw error
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200))
    }
  }
}
