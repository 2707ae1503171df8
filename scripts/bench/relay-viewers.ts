// The relay under load: one relay process, as `npm run relay` starts it, and `viewers` simulated
// viewers in this process, each noting when each of the presenter's `moves` reaches it. Memory per
// viewer: how much the relay's resident memory grew as they connected, over their number.
import type { Socket } from 'socket.io-client'
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { setTimeout as sleep } from 'node:timers/promises'
import { io } from 'socket.io-client'
import { RELAY_DECK_FILE } from '../../relay/protocol.ts'
import { freePort } from '../serve-dist.ts'
import { treeRssKB } from './processes.ts'

const ORIGIN = 'http://bench.invalid'
const KEY = 'bench-key-0123456789'
/** Between moves: slower than the relay's rate limit lets a presenter go (10 a second). */
const MOVE_INTERVAL_MS = 150

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]

export async function measureRelay(root: string, viewers: number, moves: number) {
  const port = await freePort()
  // A two-slide deck with a click for every move: each move is told apart by its click.
  const deck = join(mkdtempSync(join(tmpdir(), 'relay-bench-')), RELAY_DECK_FILE)
  writeFileSync(deck, JSON.stringify({ clicks: [moves, moves] }))
  const relay = spawn(process.execPath, [join(root, 'relay', 'start-relay.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DECK_RELAY_KEY: KEY, DECK_RELAY_ORIGINS: ORIGIN, DECK_RELAY_DECK: deck },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    let output = ''
    relay.stdout.on('data', (chunk) => {
      output += chunk
      if (output.includes('listening on port'))
        resolve()
    })
    relay.once('exit', code => reject(new Error(`the relay exited (${code}) before it listened`)))
  })
  const connect = (key?: string) => new Promise<Socket>((resolve, reject) => {
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
    const before = treeRssKB(relay.pid!)
    const sentAt: number[] = []
    const delays: number[] = []
    const audience: Socket[] = []
    while (audience.length < viewers) {
      const batch = Math.min(100, viewers - audience.length)
      audience.push(...await Promise.all(Array.from({ length: batch }, () => connect())))
    }
    for (const socket of audience)
      socket.on('position', ({ click }: { click: number }) => delays.push(performance.now() - sentAt[click]))
    await sleep(1000)
    const kbPerViewer = (treeRssKB(relay.pid!) - before) / viewers
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
      p50Ms: percentile(sorted, 0.5),
      p95Ms: percentile(sorted, 0.95),
      maxMs: sorted.at(-1) ?? Number.NaN,
      /** Deliveries that never arrived. */
      lost: viewers * moves - delays.length,
      kbPerViewer,
    }
  }
  finally {
    relay.kill()
  }
}
