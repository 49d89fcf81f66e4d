import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import express from 'express'

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets')
const TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8' }

/** The site's stylesheet and its one small script, read once: /assets/site.css, /assets/submit.js. */
export const siteAssets = () => {
  const router = express.Router()
  for (const name of ['site.css', 'submit.js']) {
    const body = readFileSync(path.join(dir, name))
    router.get(`/${name}`, (_req, res) => {
      res.set('Content-Type', TYPES[path.extname(name)]).set('Cache-Control', 'public, max-age=300').send(body)
    })
  }
  return router
}
