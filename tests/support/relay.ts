// Relay processes for the tests, started as `npm run relay` starts one (relay/start-relay.ts), and a
// Redis server when a test needs several relays to share a talk.
import type { Buffer } from 'node:buffer'
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import process from 'node:process'
import { freePort } from '../../scripts/serve-dist'
import { ROOT } from './essay'

export const RELAY_KEY = 'test-key-0123456789'

export interface RunningProcess {
  child: ChildProcess
  /** Everything it printed so far. */
  output: () => string
  stop: () => Promise<void>
}

/** Starts `command` and waits until its output matches `ready`. */
function start(command: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<RunningProcess> {
  const child: ChildProcess = spawn(command, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
    },
    stdio: 'pipe',
  })
  let output = ''
  const running: RunningProcess = {
    child,
    output: () => output,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null)
        return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGKILL')
    }),
  }
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      if (ready.test(output))
        resolve(running)
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    child.once('exit', code => reject(new Error(`${command} ${args.join(' ')} exited (${code}) before it was ready:\n${output}`)))
  })
}

/** The settings `npm run relay` takes from the environment, for the deck built into `dist`. */
export function relayEnv(port: number, origins: string[], dist: string, redisUrl = '') {
  return {
    DECK_RELAY_DECK: join(dist, 'relay-deck.json'),
    PORT: String(port),
    DECK_RELAY_KEY: RELAY_KEY,
    DECK_RELAY_ORIGINS: origins.join(','),
    DECK_RELAY_REDIS_URL: redisUrl,
  }
}

/** The relay as `npm run relay` starts it (relay/start-relay.ts), for the deck built into `dist`. */
export function startRelayProcess(options: { port: number, origins: string[], dist: string, redisUrl?: string }): Promise<RunningProcess> {
  return start(process.execPath, ['relay/start-relay.ts'], relayEnv(options.port, options.origins, options.dist, options.redisUrl), /listening on port/)
}

/**
 * `npm run <script> -- <args>` as a user starts it: with the Node the machine came with first on the
 * PATH, so the chain of processes a stop signal must pass (npm, a shell, the setup script) is theirs.
 */
export function startNpmScript(script: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<RunningProcess> {
  const path = (process.env.PATH ?? '').split(delimiter).filter(dir => !dir.includes(join('seismic-shift-deck', 'node-'))).join(delimiter)
  return start('npm', ['run', '--silent', script, '--', ...args], { ...env, PATH: path }, ready)
}

/** Debian's redis-server, on a port of its own (or `port`), keeping nothing on disk. */
export async function startRedis(options: { port?: number, password?: string } = {}): Promise<RunningProcess & { url: string }> {
  const port = options.port ?? await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'deck-redis-'))
  const redis = await start('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir,
    ...options.password ? ['--requirepass', options.password] : [],
  ], {}, /Ready to accept connections/)
  return { ...redis, url: `redis://127.0.0.1:${port}` }
}
