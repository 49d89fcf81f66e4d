import type { PayloadRequest } from 'payload'

import { readEnv } from '../../config/env'
import { escapeHtml } from '../../lib/html'

/**
 * The password-reset mail, with an absolute link built from PUBLIC_URL: without `serverURL`
 * (see payload.config.ts) Payload's own mail would carry a link with no host in it.
 */
export const resetPasswordLink = (req: PayloadRequest, token: string) =>
  `${readEnv().publicUrl}${req.payload.config.routes.admin}/reset/${encodeURIComponent(token)}`

export const resetPasswordMail = {
  generateEmailSubject: () => 'Nulstil din adgangskode til Business2Community Stories',
  generateEmailHTML: (args?: { req?: PayloadRequest; token?: string }) => {
    const { req, token } = args ?? {}
    const link = escapeHtml(resetPasswordLink(req!, token ?? ''))
    return [
      '<p>Hej,</p>',
      '<p>Nogen (forhåbentlig dig) har bedt om at nulstille adgangskoden til din konto hos Business2Community Stories.</p>',
      `<p><a href="${link}">Vælg en ny adgangskode</a> (linket virker i en time):<br>${link}</p>`,
      '<p>Har du ikke bedt om det, kan du se bort fra denne mail; din adgangskode er uændret.</p>',
    ].join('\n')
  },
}
