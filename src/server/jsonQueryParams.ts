import type { NextFunction, Request, Response } from 'express'

import { payloadLanguage, type Language } from './payloadLanguage'

/** The query parameters Payload's REST handlers read as JSON when given as one string (`?where={…}`). */
const JSON_PARAMETERS = ['where', 'data']

const isJson = (text: string) => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** The first parameter Payload would JSON.parse and fail on, if any. */
const brokenJsonParameter = (params: URLSearchParams) =>
  JSON_PARAMETERS.find((name) => params.getAll(name).some((value) => value !== '' && !isJson(value)))

const errorBody = (name: string, language: Language) => ({
  errors: [
    {
      message:
        language === 'en'
          ? `The query parameter "${name}" is not valid JSON${name === 'where' ? '; send JSON or where[field][operator]=value' : ''}`
          : `Forespørgselsparameteren "${name}" er ikke gyldig JSON${name === 'where' ? '; send JSON eller where[felt][operator]=værdi' : ''}`,
    },
  ],
})

/**
 * `?where=abc` (or `?data=abc`) reaches Payload's parseParams, whose JSON.parse throws before
 * any operation runs: a 500 with a stack trace on every REST route. Such a request is refused
 * here with a 400 in Payload's error shape. `where[title][equals]=…` is not touched: only a
 * parameter named exactly `where` or `data` is JSON.
 */
export const refuseUnparsableJsonParameters = (req: Request, res: Response, next: NextFunction) => {
  const broken = brokenJsonParameter(new URL(req.originalUrl, 'http://localhost').searchParams)
  if (!broken) return next()
  res.status(400).set('Cache-Control', 'no-store').json(errorBody(broken, payloadLanguage((name) => req.get(name))))
}

/**
 * The same for the admin's POST form of a GET (`X-Payload-HTTP-Method-Override: GET` with a
 * urlencoded body, which Payload appends to the URL as its query): the body is read here,
 * checked, and handed on unchanged.
 */
export const checkingQueryBody =
  (run: (request: globalThis.Request) => Promise<globalThis.Response>) =>
  async (request: globalThis.Request): Promise<globalThis.Response> => {
    const override = request.headers.get('x-payload-http-method-override') === 'GET' || request.headers.get('x-http-method-override') === 'GET'
    // Payload's own test for a query body: exactly this type, nothing after it.
    if (request.method !== 'POST' || !override || request.headers.get('content-type') !== 'application/x-www-form-urlencoded') return run(request)
    const body = await request.text()
    const broken = brokenJsonParameter(new URLSearchParams(body))
    if (broken) {
      const language = payloadLanguage((name) => request.headers.get(name))
      return globalThis.Response.json(errorBody(broken, language), { status: 400, headers: { 'Cache-Control': 'no-store' } })
    }
    const headers = new Headers(request.headers)
    headers.delete('content-length')
    return run(new Request(request.url, { method: request.method, headers, body, signal: request.signal }))
  }
