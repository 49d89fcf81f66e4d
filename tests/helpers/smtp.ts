import type { AddressInfo } from 'node:net'

import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type ReceivedMail = ParsedMail & { envelopeTo: string[] }

/**
 * A real SMTP server in the test process (smtp-server from npm): it speaks SMTP to the app's
 * nodemailer exactly as a mail relay would, and keeps every message it accepts, parsed.
 */
export const startSmtpServer = async (port = 0) => {
  const mails: ReceivedMail[] = []
  const waiters = new Set<() => void>()
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(Object.assign(mail, { envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address) }))
          for (const wake of waiters) wake()
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const actualPort = (server.server.address() as AddressInfo).port

  /** Waits until a mail matching `match` has arrived (or fails after `timeoutMs`). */
  const waitFor = (match: (mail: ReceivedMail) => boolean, timeoutMs = 30_000): Promise<ReceivedMail> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = mails.find(match)
        if (!found) return false
        cleanup()
        resolve(found)
        return true
      }
      const timer = setTimeout(() => {
        cleanup()
        reject(new Error(`no matching mail within ${timeoutMs} ms; received: ${mails.map((m) => m.subject).join(' | ') || 'none'}`))
      }, timeoutMs)
      const wake = () => void check()
      const cleanup = () => {
        clearTimeout(timer)
        waiters.delete(wake)
      }
      waiters.add(wake)
      check()
    })

  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    mails,
    waitFor,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
