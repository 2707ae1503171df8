// Relay processes for the tests, started as `npm run relay` starts one (relay/start-relay.ts), and a
// Redis server when a test needs several relays to share a talk.
import type { Buffer } from 'node:buffer'
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { freePort } from '../../scripts/serve-dist'
import { ROOT } from './essay'

export const RELAY_KEY = 'test-key-0123456789'

export interface RunningProcess {
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
    output: () => output,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null)
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

/** `npm run relay` for the deck built into `dist`. */
export function startRelayProcess(options: { port: number, origins: string[], dist: string, redisUrl?: string }): Promise<RunningProcess> {
  return start(process.execPath, ['relay/start-relay.ts'], {
    DECK_RELAY_DECK: join(options.dist, 'relay-deck.json'),
    PORT: String(options.port),
    DECK_RELAY_KEY: RELAY_KEY,
    DECK_RELAY_ORIGINS: options.origins.join(','),
    DECK_RELAY_REDIS_URL: options.redisUrl ?? '',
  }, /listening on port/)
}

/** Debian's redis-server, on a port of its own, keeping nothing on disk. */
export async function startRedis(): Promise<RunningProcess & { url: string }> {
  const port = await freePort()
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
  ], {}, /Ready to accept connections/)
  return { ...redis, url: `redis://127.0.0.1:${port}` }
}
