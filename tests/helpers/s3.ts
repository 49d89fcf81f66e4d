/**
 * A real S3-compatible server for tests: s3rver (npm) as its own process on a free port, over a
 * temp folder, with one bucket. `env` is what the app needs to use it (issue #13).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { S3Client } from '@aws-sdk/client-s3'

import { listKeys } from '../../src/storage/objectStore'

export type S3Server = {
  env: Record<string, string>
  endpoint: string
  bucket: string
  client: S3Client
  /** Every key in the bucket, sorted. */
  keys: (prefix?: string) => Promise<string[]>
  stop: () => Promise<void>
}

const S3RVER_BIN = path.resolve('node_modules/s3rver/bin/s3rver.js')

export const startS3Server = async (bucket = 'b2c-media'): Promise<S3Server> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b2c-s3rver-'))
  const child = spawn(process.execPath, [S3RVER_BIN, '-d', dir, '-a', '127.0.0.1', '-p', '0', '--silent', '--configure-bucket', bucket], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const port = await listeningPort(child)
  const endpoint = `http://127.0.0.1:${port}`
  const env = {
    S3_BUCKET: bucket,
    S3_ENDPOINT: endpoint,
    S3_REGION: 'us-east-1',
    // s3rver's fixed keys; it checks the signatures made with them.
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
  }
  const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } })
  const keys = async (prefix = '') => (await listKeys({ bucket, client }, prefix)).map(({ key }) => key).sort()
  const stop = async () => {
    client.destroy()
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return { env, endpoint, bucket, client, keys, stop }
}

/** s3rver prints `S3rver listening on 127.0.0.1:<port>` once it serves (with -p 0, a port of the OS's choosing). */
const listeningPort = (child: ChildProcess): Promise<number> =>
  new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`s3rver did not start:\n${output}`))
    }, 20_000)
    const onData = (chunk: Buffer) => {
      output += chunk
      const port = /listening on [\d.]+:(\d+)/.exec(output)?.[1]
      if (port) {
        clearTimeout(timer)
        resolve(Number(port))
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`s3rver exited ${code}:\n${output}`))
    })
  })
