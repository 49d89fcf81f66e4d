import type { IncomingHttpHeaders } from 'node:http'
import type { Readable } from 'node:stream'

import Busboy from 'busboy'

import { MalformedRequestError } from './errors'
import { payloadLanguage, type Language } from './payloadLanguage'

export type MultipartCheck = {
  /** Parses one more chunk; resolves with the error once the body is known to be unreadable. */
  write: (chunk: Buffer) => Promise<MalformedRequestError | undefined>
  /** The body ended: resolves with an error when the form was cut off. */
  end: () => Promise<MalformedRequestError | undefined>
}

const malformed = (language: Language) =>
  new MalformedRequestError(
    {
      da: 'Formular-data kan ikke læses (en dels overskrift, fx et filnavn med linjeskift eller NUL, eller en afkortet formular)',
      en: 'The form data cannot be read (a part header, e.g. a file name with a line break or NUL, or a form cut short)',
    },
    language,
  )

const payloadNotJson = (language: Language) =>
  new MalformedRequestError({ da: 'Feltet _payload er ikke gyldig JSON', en: 'The _payload field is not valid JSON' }, language)

/** A request's header as one string (Node gives a repeated header as an array). */
const headerOf = (headers: IncomingHttpHeaders) => (name: string) => {
  const value = headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}

/**
 * Payload parses an upload's multipart body with busboy and answers whatever busboy refuses
 * (a part header holding a raw line break or NUL, a form cut off, a `_payload` field that is
 * not JSON) with a 500 and a stack trace. This runs the same parser over the same bytes one
 * chunk ahead of Payload, discarding file contents, so a body Payload could not read is known
 * before Payload sees the bad chunk, and Payload is handed a 400 instead.
 * Undefined for a body that is not multipart.
 */
export const multipartCheck = (headers: IncomingHttpHeaders): MultipartCheck | undefined => {
  const [type] = (headers['content-type'] ?? '').split(';', 1)
  if (!type.includes('multipart/')) return undefined
  const language = payloadLanguage(headerOf(headers))
  let failure: MalformedRequestError | undefined
  let parser: ReturnType<typeof Busboy>
  try {
    parser = Busboy({ headers, defParamCharset: 'utf8' })
  } catch {
    // No boundary, or not form-data: Payload could not read it either.
    const error = malformed(language)
    return { write: async () => error, end: async () => error }
  }
  // File contents are thrown away; a file cut off mid-way errors here, and that is the parser's
  // error too (handled below), not one to crash on.
  parser.on('file', (_name, file: Readable) => file.on('error', () => undefined).resume())
  parser.on('field', (name, value, info) => {
    // A cut-off value is Payload's to refuse (413); only a whole `_payload` is checked.
    if (name !== '_payload' || info.valueTruncated) return
    try {
      JSON.parse(value)
    } catch {
      failure ??= payloadNotJson(language)
    }
  })

  // Whenever the parser gives up, the body is unreadable (a listener also keeps its error from
  // being thrown).
  parser.on('error', () => {
    failure ??= malformed(language)
  })

  /** Resolves once the parser has dealt with what `start` gave it (or gave up on it). */
  const settle = (start: (done: () => void) => void) =>
    new Promise<MalformedRequestError | undefined>((resolve) => {
      const done = () => {
        parser.off('error', done)
        parser.off('close', done)
        resolve(failure)
      }
      parser.once('error', done)
      parser.once('close', done)
      start(done)
    })

  return {
    write: (chunk) => (failure ? Promise.resolve(failure) : settle((done) => parser.write(chunk, () => done()))),
    end: () => (failure ? Promise.resolve(failure) : settle((done) => parser.end(() => done()))),
  }
}
