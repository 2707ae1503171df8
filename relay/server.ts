// The relay the audience follows the presenter through (socket.io), started by `npm run relay`
// (settings in README.md). Only a connection that gave the key moves anyone; its positions are
// checked against the deck's clicks and rate-limited, and the last one greets each newcomer.
import type { RelayDeck, TalkPosition } from './protocol.ts'
import { createHash, timingSafeEqual } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import process from 'node:process'
import { createAdapter } from '@socket.io/redis-adapter'
import { createClient } from 'redis'
import { Server } from 'socket.io'
import { createRateLimit, readPosition, RELAY_DECK_FILE, RELAY_EVENTS } from './protocol.ts'

export const DEFAULT_PORT = 3031
/** Positions a presenter may send: a burst of 20, then 10 a second. */
const POSITIONS_PER_SECOND = 10
const POSITIONS_BURST = 20
/** How often the talk's position is refreshed while a presenter is connected. */
const HEARTBEAT_MS = 30_000
/** Unheard of for this long, the talk is over. */
const TALK_EXPIRY_MS = 90_000
/** The shortest key: guessing it over the network is hopeless, so wrong keys need no lockout. */
export const KEY_MIN_LENGTH = 16

export class RelayConfigError extends Error {
  override name = 'RelayConfigError'
}

export interface RelayOptions {
  port: number
  key: string
  origins: string[]
  /** The deck: each slide's clicks. */
  deck: RelayDeck
  redisUrl?: string
  log?: (line: string) => void
  /** How long the talk's position outlives the last word from a presenter (TALK_EXPIRY_MS). */
  talkExpiryMs?: number
}

export interface Relay {
  port: number
  close: () => Promise<void>
}

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
  for (const origin of origins) {
    let parsed: URL | undefined
    try {
      parsed = new URL(origin)
    }
    catch {}
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin)
      throw new RelayConfigError(`DECK_RELAY_ORIGINS: "${origin}" is not an origin (scheme, host and port only, e.g. https://you.github.io)`)
  }
  return {
    port,
    key,
    origins,
    deck,
    redisUrl: env.DECK_RELAY_REDIS_URL || undefined,
  }
}

/** Compared as digests, so neither the time taken nor a length check tells anything of the key. */
function sameKey(given: unknown, key: string): boolean {
  if (typeof given !== 'string')
    return false
  const digest = (text: string) => createHash('sha256').update(text).digest()
  return timingSafeEqual(digest(given), digest(key))
}

export async function startRelay(options: RelayOptions): Promise<Relay> {
  const log = options.log ?? (line => process.stdout.write(`[relay] ${line}\n`))
  const origins = new Set(options.origins)
  const talkExpiryMs = options.talkExpiryMs ?? TALK_EXPIRY_MS
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
      const allowed = origins.has(req.headers.origin ?? '')
      if (!allowed && req.url?.includes('EIO=') && !req.url.includes('sid='))
        logRefusal(`refused a page from origin ${req.headers.origin ?? '(none)'}`)
      done(null, allowed)
    },
  })
  const closeRedis: (() => Promise<unknown>)[] = []
  if (options.redisUrl) {
    const pub = createClient({ url: options.redisUrl })
    const sub = pub.duplicate()
    await Promise.all([
      pub.connect(),
      sub.connect(),
    ])
    closeRedis.push(() => pub.quit(), () => sub.quit())
    io.adapter(createAdapter(pub, sub))
  }

  // The talk's position, kept for newcomers while a presenter is heard from: their moves, or
  // each HEARTBEAT_MS while one is connected (also to the other relay processes, so one started
  // late learns it). Unheard for TALK_EXPIRY_MS, the talk is over and newcomers browse alone.
  let last: TalkPosition | undefined
  let heardAt = 0
  const hear = (position: TalkPosition) => {
    last = position
    heardAt = Date.now()
  }
  let viewers = 0
  let presenters = 0
  const summary = () => `${viewers} viewer${viewers === 1
    ? ''
    : 's'}, ${presenters ? 'presenter connected' : 'no presenter'}`
  const heartbeat = setInterval(() => {
    if (presenters > 0 && last) {
      hear(last)
      if (options.redisUrl)
        io.serverSideEmit(RELAY_EVENTS.position, last)
    }
  }, HEARTBEAT_MS)

  io.use((socket, next) => {
    const given = (socket.handshake.auth as { key?: unknown } | undefined)?.key
    socket.data.presenter = false
    if (given === undefined)
      return next()
    if (sameKey(given, options.key)) {
      socket.data.presenter = true
      return next()
    }
    logRefusal(`refused a presenter with a wrong key from ${socket.handshake.address}`)
    next(new Error('wrong key'))
  })

  // Positions a presenter on another relay process sent: kept, so this one's newcomers get them.
  io.on(RELAY_EVENTS.position, (position: unknown) => {
    const read = readPosition(position, options.deck)
    if (read)
      hear(read)
  })

  io.on('connection', (socket) => {
    const presenter = socket.data.presenter as boolean
    if (presenter)
      presenters++
    else
      viewers++
    log(`${presenter ? 'presenter' : 'viewer'} connected (${summary()})`)
    if (last && Date.now() - heardAt > talkExpiryMs)
      last = undefined
    if (last && !presenter)
      socket.emit(RELAY_EVENTS.position, last)
    if (presenter) {
      // Beyond its rate, a presenter's moves are not queued: the latest goes out when the rate
      // allows, so a held arrow key still leaves everyone where the presenter stopped.
      const allow = createRateLimit(POSITIONS_PER_SECOND, POSITIONS_BURST)
      let pending: TalkPosition | undefined
      let flush: ReturnType<typeof setTimeout> | undefined
      const pass = (position: TalkPosition) => {
        hear(position)
        socket.broadcast.emit(RELAY_EVENTS.position, position)
        if (options.redisUrl)
          io.serverSideEmit(RELAY_EVENTS.position, position)
      }
      const flushLater = () => {
        flush = setTimeout(() => {
          flush = undefined
          if (pending && allow()) {
            pass(pending)
            pending = undefined
          }
          else if (pending) {
            flushLater()
          }
        }, 1000 / POSITIONS_PER_SECOND)
      }
      socket.on(RELAY_EVENTS.position, (data: unknown) => {
        const position = readPosition(data, options.deck)
        if (!position)
          return
        if (!pending && allow()) {
          pass(position)
          return
        }
        pending = position
        if (!flush)
          flushLater()
      })
      socket.on('disconnect', () => clearTimeout(flush))
    }
    socket.on('disconnect', () => {
      if (presenter)
        presenters--
      else
        viewers--
      log(`${presenter ? 'presenter' : 'viewer'} left (${summary()})`)
    })
  })

  await new Promise<void>(resolve => http.listen(options.port, resolve))
  const address = http.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  log(`listening on port ${port} for ${options.origins.join(', ')}, a deck of ${options.deck.clicks.length} slides${options.redisUrl ? ', shared through Redis' : ''}`)
  return {
    port,
    close: async () => {
      clearInterval(heartbeat)
      await new Promise<void>(resolve => io.close(() => resolve()))
      await Promise.all(closeRedis.map(quit => quit().catch(() => {})))
    },
  }
}

/** The deck file a relay build writes (RELAY_DECK_FILE), or an error naming the file and field. */
export function readRelayDeck(file: string): RelayDeck {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  }
  catch {
    throw new RelayConfigError(`${file} is missing: build the deck with DECK_RELAY_URL set (npm run build writes it), or point DECK_RELAY_DECK at the built deck's ${RELAY_DECK_FILE}`)
  }
  let deck: unknown
  try {
    deck = JSON.parse(text)
  }
  catch (error) {
    throw new RelayConfigError(`${file} is not JSON: ${(error as Error).message}`)
  }
  const clicks = (deck as { clicks?: unknown } | null)?.clicks
  if (!Array.isArray(clicks) || clicks.length === 0)
    throw new RelayConfigError(`${file}: "clicks" is not a list with one number per slide`)
  const bad = clicks.findIndex(count => !Number.isInteger(count) || count < 0)
  if (bad >= 0)
    throw new RelayConfigError(`${file}: "clicks"[${bad}] (slide ${bad + 1}) is ${JSON.stringify(clicks[bad])}, not a number of clicks`)
  return { clicks }
}
