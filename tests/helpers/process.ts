import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'

/**
 * How our package scripts start Node. The export condition makes Lexical load its production
 * build directly instead of choosing it with a top-level await, which Node 20's ESM loader can
 * deadlock on (the process then exits with code 13 in the middle of start-up).
 */
export const NODE_FLAGS = ['--no-deprecation', '--conditions=production', '--import', 'tsx']

/** A free TCP port on loopback. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })

/** Runs a command to completion; rejects with its output when it fails. */
export const runCommand = (command: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
  new Promise<string>((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`)),
    )
  })

export type AppProcess = { child: ChildProcess; url: string; output: () => string }

export type WorkerProcess = { child: ChildProcess; output: () => string; exited: Promise<NodeJS.Signals | number | null> }

/** Starts `npm run worker`'s entry point as its own process, with `env` over the test's own. */
export const startWorkerProcess = (env: Record<string, string> = {}): WorkerProcess => {
  const child = spawn(process.execPath, [...NODE_FLAGS, 'src/server/worker.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output = collectOutput(child)
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)))
  return { child, output, exited }
}

const collectOutput = (child: ChildProcess): (() => string) => {
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  return () => output
}

/** Waits until a started server answers /healthz; kills it and throws when it does not. */
export const waitUntilHealthy = async (child: ChildProcess, port: number, timeoutMs: number): Promise<AppProcess> => {
  const output = collectOutput(child)
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}:\n${output()}`)
    if (await fetch(`${url}/healthz`).then((res) => res.ok, () => false)) return { child, url, output }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  child.kill('SIGKILL')
  throw new Error(`server did not become healthy in ${timeoutMs} ms:\n${output()}`)
}

/** Starts `src/server/index.ts` as its own process (as `npm start` does) and waits for /healthz. */
export const startAppProcess = async (env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<AppProcess> => {
  const port = await freePort()
  const child = spawn(process.execPath, [...NODE_FLAGS, 'src/server/index.ts'], {
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return waitUntilHealthy(child, port, timeoutMs)
}

/** Sends SIGTERM and resolves with the exit code (or null when it had to be killed). */
export const stopAppProcess = (child: ChildProcess, timeoutMs = 20_000): Promise<number | null> =>
  new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode)
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      resolve(null)
    }, timeoutMs)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve(code)
    })
    child.kill('SIGTERM')
  })
