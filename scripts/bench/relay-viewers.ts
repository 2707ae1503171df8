// The relay under load: one relay process (as `npm run relay` starts it) and `viewers` simulated
// viewers on loopback, all in this process. The presenter moves `moves` times; each viewer notes
// when each move reaches it. Memory per viewer is the relay's resident memory with the viewers
// connected, less before, over their number.
import type { Socket } from 'socket.io-client'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { io } from 'socket.io-client'
import { RELAY_DECK_FILE } from '../../relay/protocol.ts'
import { freePort } from '../serve-dist.ts'

export interface RelayLoad {
  viewers: number
  moves: number
  p50Ms: number
  p95Ms: number
  maxMs: number
  /** Deliveries that never arrived. */
  lost: number
  kbPerViewer: number
}

const ORIGIN = 'http://bench.invalid'
const KEY = 'bench-key-0123456789'
/** Between moves: slower than the relay's rate limit lets a presenter go (10 a second). */
const MOVE_INTERVAL_MS = 150

const rssKB = (pid: number) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)/m)![1])
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]

export async function measureRelay(root: string, viewers = 1000, moves = 50): Promise<RelayLoad> {
  const port = await freePort()
  // A two-slide deck with a click for every move: each move is told apart by its click.
  const deck = join(mkdtempSync(join(tmpdir(), 'relay-bench-')), RELAY_DECK_FILE)
  writeFileSync(deck, JSON.stringify({
    clicks: [moves, moves],
  }))
  const relay = spawn(process.execPath, [
    join(root, 'relay', 'start-relay.ts'),
  ], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DECK_RELAY_KEY: KEY,
      DECK_RELAY_ORIGINS: ORIGIN,
      DECK_RELAY_DECK: deck,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    let output = ''
    relay.stdout!.on('data', (chunk) => {
      output += chunk
      if (output.includes('listening on port'))
        resolve()
    })
    relay.once('exit', code => reject(new Error(`the relay exited (${code}) before it listened`)))
  })
  relay.stdout!.resume()
  const connect = (key?: string): Promise<Socket> => new Promise((resolve, reject) => {
    const socket = io(`http://127.0.0.1:${port}`, {
      transports: ['websocket'],
      extraHeaders: { Origin: ORIGIN },
      auth: key ? { key } : undefined,
    })
    socket.once('connect', () => resolve(socket))
    socket.once('connect_error', reject)
  })
  try {
    await sleep(500)
    const before = rssKB(relay.pid!)
    const sentAt: number[] = []
    const delays: number[] = []
    let received = 0
    const audience: Socket[] = []
    for (let i = 0; i < viewers; i += 100) {
      const batch = await Promise.all(Array.from({
        length: Math.min(100, viewers - i),
      }, () => connect()))
      audience.push(...batch)
    }
    for (const socket of audience) {
      socket.on('position', ({ click }: { click: number }) => {
        delays.push(performance.now() - sentAt[click])
        received++
      })
    }
    await sleep(1000)
    const kbPerViewer = (rssKB(relay.pid!) - before) / viewers
    const presenter = await connect(KEY)
    // Slides 1 and 2 in turn, so every move is a change; each is told apart by its click.
    for (let move = 1; move <= moves; move++) {
      sentAt[move] = performance.now()
      presenter.emit('position', { slide: 1 + move % 2, click: move })
      await sleep(MOVE_INTERVAL_MS)
    }
    await sleep(2000)
    for (const socket of [presenter, ...audience])
      socket.close()
    const sorted = delays.sort((a, b) => a - b)
    return {
      viewers,
      moves,
      p50Ms: percentile(sorted, 0.5),
      p95Ms: percentile(sorted, 0.95),
      maxMs: sorted.at(-1) ?? Number.NaN,
      lost: viewers * moves - received,
      kbPerViewer,
    }
  }
  finally {
    relay.kill()
  }
}
