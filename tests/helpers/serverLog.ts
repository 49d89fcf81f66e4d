/**
 * What a server started as its own process (startApiProcess) logged for one request, so a
 * test can assert that a client's mistake left no error line and no stack trace.
 */
import { expect } from '@jest/globals'

import type { AppProcess } from './process'

const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '')

/**
 * `withLog(send)` sends a request and returns what the server logged for it. After it, an
 * anonymous query on an unknown path is sent as a marker (Payload logs its QueryError as one
 * line naming the path): the log is ordered, so everything logged for the request stands
 * between the previous marker's entry and this marker's line.
 */
export const serverLog = (app: () => AppProcess) => {
  let markers = 0
  let lastMarker: string | undefined

  const withLog = async <T>(send: () => Promise<T>): Promise<{ result: T; log: string }> => {
    const since = plain(app().output()).length
    const result = await send()
    const marker = `marker_${++markers}_`
    await fetch(`${app().url}/api/organisations?where[${marker}][equals]=1`)
    const deadline = Date.now() + 30_000
    let output = plain(app().output())
    while (!output.includes(marker)) {
      if (Date.now() > deadline) throw new Error(`the marker ${marker} never reached the log:\n${output.slice(since)}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
      output = plain(app().output())
    }
    const end = output.lastIndexOf('\n', output.indexOf(marker)) + 1
    let start = since
    if (lastMarker) {
      // The previous marker's own entry ends where a new entry begins.
      const next = output.slice(output.indexOf(lastMarker)).search(/\n\[\d\d:\d\d:\d\d\]/)
      if (next >= 0) start = Math.max(since, output.indexOf(lastMarker) + next + 1)
    }
    lastMarker = marker
    return { result, log: output.slice(Math.min(start, end), end) }
  }

  return { withLog }
}

/** Neither an error line nor a stack trace ("    at …") for a client's mistake. */
export const expectQuietLog = (log: string) => {
  expect(log).not.toMatch(/^\s+at /m)
  expect(log).not.toMatch(/\bERROR\b/)
}
