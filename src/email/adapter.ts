import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import type { EmailAdapter, SendEmailOptions } from 'payload'

import { readEnv } from '../config/env'

export const MAIL_FROM_NAME = 'Business2Community Stories'

type Initialized = ReturnType<EmailAdapter>

/**
 * Mail over SMTP_URL through Payload's nodemailer adapter (SPEC §10). SMTP_URL is read when
 * Payload starts, not when the config is imported, so each process (and test) can point at its
 * own server. Without SMTP_URL each mail is written to the log instead, so a new user sees what
 * would have been sent. The connection is not verified at start: a mail server that is down
 * must not stop the app; the mail job retries until it is back.
 */
export const emailAdapter: EmailAdapter = ({ payload }) => {
  const { smtpUrl, mailFrom } = readEnv()
  const base = { defaultFromAddress: mailFrom, defaultFromName: MAIL_FROM_NAME }
  if (!smtpUrl) {
    return {
      ...base,
      name: 'log',
      sendEmail: async (message: SendEmailOptions) => {
        payload.logger.info(
          { to: message.to, subject: message.subject },
          `SMTP_URL is not set: mail not sent, logged instead\n${typeof message.text === 'string' ? message.text : ''}`,
        )
      },
    }
  }
  let nodemailer: Promise<Initialized> | undefined
  return {
    ...base,
    name: 'nodemailer',
    sendEmail: async (message: SendEmailOptions) => {
      nodemailer ??= nodemailerAdapter({ ...base, skipVerify: true, transportOptions: smtpTransportOptions(smtpUrl) }).then(
        (adapter) => adapter({ payload }),
      )
      return (await nodemailer).sendEmail(message)
    },
  }
}

/** `smtp://user:pass@host:port` (or `smtps://`) as nodemailer's options. */
const smtpTransportOptions = (url: string) => {
  const parsed = new URL(url)
  const secure = parsed.protocol === 'smtps:'
  return {
    host: parsed.hostname,
    port: Number(parsed.port) || (secure ? 465 : 587),
    secure,
    auth: parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined,
    // `?tls=insecure` accepts a self-signed certificate (a local relay); never the default.
    tls: { rejectUnauthorized: parsed.searchParams.get('tls') !== 'insecure' },
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
  }
}
