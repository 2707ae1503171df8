// The relay the audience follows the presenter through (socket.io), started by `npm run relay`
// (settings in README.md). Only a connection that gave the key moves anyone; its positions are
// checked against the deck's clicks and rate-limited, and the last one greets each newcomer.
import type { AddressInfo } from 'node:net'
import type { RelayDeck, TalkPosition } from './protocol.ts'
import { createHash, timingSafeEqual } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import process from 'node:process'
import { createAdapter } from '@socket.io/redis-adapter'
import { createClient } from 'redis'
import { Server } from 'socket.io'
import { createRateLimit, POSITION_EVENT, readPosition, RELAY_DECK_FILE } from './protocol.ts'

const DEFAULT_PORT = 3031
/** A presenter may send a burst of 20 positions, then 10 a second. */
const POSITIONS_PER_SECOND = 10
const POSITIONS_BURST = 20
/** While a presenter is connected, the talk's position is heard again this often. */
const HEARTBEAT_MS = 30_000
/** Unheard of for this long, the talk is over and newcomers browse alone. */
const TALK_EXPIRY_MS = 90_000
/** The shortest key: guessing it over the network is hopeless, so wrong keys need no lockout. */
const KEY_MIN_LENGTH = 16

export class RelayConfigError extends Error {}

export interface RelayOptions {
  port: number
  key: string
  origins: string[]
  deck: RelayDeck
  redisUrl?: string
  log?: (line: string) => void
  talkExpiryMs?: number
}

export type Relay = Awaited<ReturnType<typeof startRelay>>

/** The relay's options from the environment, or an error naming the variable that is wrong. */
export function relayOptionsFromEnv(env: NodeJS.ProcessEnv, deck: RelayDeck): RelayOptions {
  const key = env.DECK_RELAY_KEY ?? ''
  if (key.trim().length < KEY_MIN_LENGTH)
    throw new RelayConfigError(`DECK_RELAY_KEY is not set (or shorter than ${KEY_MIN_LENGTH} characters): it is the presenter's secret, e.g. DECK_RELAY_KEY=$(openssl rand -hex 12)`)
  const port = env.PORT === undefined ? DEFAULT_PORT : Number(env.PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new RelayConfigError(`PORT is "${env.PORT}": a port number is expected`)
  const origins = (env.DECK_RELAY_ORIGINS ?? '').split(',').map(origin => origin.trim()).filter(Boolean)
  if (!origins.length)
    throw new RelayConfigError('DECK_RELAY_ORIGINS is not set: the origins the deck is served from, comma-separated, e.g. https://you.github.io')
  const notOrigin = origins.find(origin => !/^https?:/.test(origin) || URL.parse(origin)?.origin !== origin)
  if (notOrigin !== undefined)
    throw new RelayConfigError(`DECK_RELAY_ORIGINS: "${notOrigin}" is not an origin (scheme, host and port only, e.g. https://you.github.io)`)
  return { port, key, origins, deck, redisUrl: env.DECK_RELAY_REDIS_URL || undefined }
}

/** Compared as digests, so neither the time taken nor a length check tells anything of the key. */
function sameKey(given: unknown, key: string): boolean {
  if (typeof given !== 'string')
    return false
  const digest = (text: string) => createHash('sha256').update(text).digest()
  return timingSafeEqual(digest(given), digest(key))
}

export async function startRelay(options: RelayOptions) {
  const log = options.log ?? (line => process.stdout.write(`[relay] ${line}\n`))
  // Refusals are logged, but a flood of them is not: beyond the rate, counted into the next line.
  const refusalLines = createRateLimit(1, 5)
  let unlogged = 0
  const logRefusal = (line: string) => {
    if (!refusalLines()) {
      unlogged++
      return
    }
    log(unlogged ? `${line} (and ${unlogged} more refused)` : line)
    unlogged = 0
  }
  const http = createServer((_req, res) => res.writeHead(404).end())
  const io = new Server(http, {
    serveClient: false,
    cors: { origin: options.origins },
    // CORS binds only what a browser may read; this refuses the connection itself.
    allowRequest: (req, done) => {
      const allowed = options.origins.includes(req.headers.origin ?? '')
      if (!allowed && req.url?.includes('EIO=') && !req.url.includes('sid='))
        logRefusal(`refused a page from origin ${req.headers.origin ?? '(none)'}`)
      done(null, allowed)
    },
  })
  const pubClient = options.redisUrl ? createClient({ url: options.redisUrl }) : undefined
  const subClient = pubClient?.duplicate()
  if (pubClient && subClient) {
    await Promise.all([pubClient.connect(), subClient.connect()])
    io.adapter(createAdapter(pubClient, subClient))
  }

  // The talk's position, kept for newcomers while a presenter is heard from; told to the other
  // relay processes too (through Redis), and again at each heartbeat, so one started late learns it.
  let last: TalkPosition | undefined
  let heardAt = 0
  const hear = (position: TalkPosition) => {
    last = position
    heardAt = Date.now()
  }
  const tell = (position: TalkPosition) => {
    hear(position)
    if (options.redisUrl)
      io.serverSideEmit(POSITION_EVENT, position)
  }
  io.on(POSITION_EVENT, (position: unknown) => {
    const read = readPosition(position, options.deck)
    if (read)
      hear(read)
  })
  const connected = { presenter: 0, viewer: 0 }
  const summary = () => [
    `${connected.viewer} viewer${connected.viewer === 1 ? '' : 's'}`,
    connected.presenter ? 'presenter connected' : 'no presenter',
  ].join(', ')
  const heartbeat = setInterval(() => {
    if (connected.presenter > 0 && last)
      tell(last)
  }, HEARTBEAT_MS)

  io.use((socket, next) => {
    const given = (socket.handshake.auth as { key?: unknown } | undefined)?.key
    socket.data.role = given === undefined ? 'viewer' : 'presenter'
    if (given === undefined || sameKey(given, options.key))
      return next()
    logRefusal(`refused a presenter with a wrong key from ${socket.handshake.address}`)
    next(new Error('wrong key'))
  })

  io.on('connection', (socket) => {
    const role = socket.data.role as keyof typeof connected
    connected[role]++
    log(`${role} connected (${summary()})`)
    socket.on('disconnect', () => {
      connected[role]--
      log(`${role} left (${summary()})`)
    })
    if (last && Date.now() - heardAt > (options.talkExpiryMs ?? TALK_EXPIRY_MS))
      last = undefined
    if (role === 'viewer') {
      if (last)
        socket.emit(POSITION_EVENT, last)
      return
    }
    // Beyond its rate, a presenter's moves are not queued: the latest goes out when the rate
    // allows, so a held arrow key still leaves everyone where the presenter stopped.
    const allow = createRateLimit(POSITIONS_PER_SECOND, POSITIONS_BURST)
    let pending: TalkPosition | undefined
    let retry: NodeJS.Timeout | undefined
    const passPending = () => {
      retry = undefined
      if (!allow()) {
        retry = setTimeout(passPending, 1000 / POSITIONS_PER_SECOND)
        return
      }
      tell(pending!)
      socket.broadcast.emit(POSITION_EVENT, pending)
      pending = undefined
    }
    socket.on(POSITION_EVENT, (data: unknown) => {
      const position = readPosition(data, options.deck)
      if (!position)
        return
      pending = position
      if (!retry)
        passPending()
    })
    socket.on('disconnect', () => clearTimeout(retry))
  })

  await new Promise<void>(resolve => http.listen(options.port, resolve))
  const { port } = http.address() as AddressInfo
  const deck = `a deck of ${options.deck.clicks.length} slides${options.redisUrl ? ', shared through Redis' : ''}`
  log(`listening on port ${port} for ${options.origins.join(', ')}, ${deck}`)
  return {
    port,
    close: async () => {
      clearInterval(heartbeat)
      await io.close()
      await Promise.all([pubClient, subClient].map(client => client?.quit().catch(() => {})))
    },
  }
}

/** The deck file a relay build writes (RELAY_DECK_FILE), or an error naming the file and field. */
export function readRelayDeck(file: string): RelayDeck {
  let deck: { clicks?: unknown } | null
  try {
    deck = JSON.parse(readFileSync(file, 'utf8'))
  }
  catch (error) {
    throw new RelayConfigError(error instanceof SyntaxError
      ? `${file} is not JSON: ${error.message}`
      : `${file} is missing: build the deck with DECK_RELAY_URL set (npm run build writes it), or point DECK_RELAY_DECK at the built deck's ${RELAY_DECK_FILE}`)
  }
  const clicks = deck?.clicks
  if (!Array.isArray(clicks) || clicks.length === 0)
    throw new RelayConfigError(`${file}: "clicks" is not a list with one number per slide`)
  const bad = clicks.findIndex(count => !Number.isInteger(count) || count < 0)
  if (bad >= 0)
    throw new RelayConfigError(`${file}: "clicks"[${bad}] (slide ${bad + 1}) is ${JSON.stringify(clicks[bad])}, not a number of clicks`)
  return { clicks }
}
