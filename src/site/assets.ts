import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import express from 'express'

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets')
const TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8' }

/** The third-party scripts, from the installed packages (the versions npm locked): no CDN. */
const resolve = createRequire(import.meta.url).resolve
const HLS_JS = resolve('hls.js/dist/hls.min.js')
const TUS_JS = resolve('tus-js-client/dist/tus.min.js')

/** The site's stylesheet and scripts, read once: /assets/site.css, submit*.js, player.js, hls.min.js, tus.min.js. */
export const siteAssets = () => {
  const router = express.Router()
  const files: Record<string, string> = {
    'site.css': path.join(dir, 'site.css'),
    'submit.js': path.join(dir, 'submit.js'),
    'submit-uploads.js': path.join(dir, 'submit-uploads.js'),
    'player.js': path.join(dir, 'player.js'),
    'hls.min.js': HLS_JS,
    'tus.min.js': TUS_JS,
  }
  for (const [name, file] of Object.entries(files)) {
    const body = readFileSync(file)
    router.get(`/${name}`, (_req, res) => {
      res.set('Content-Type', TYPES[path.extname(name)]).set('Cache-Control', 'public, max-age=300').send(body)
    })
  }
  return router
}
