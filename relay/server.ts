// The relay the audience follows the presenter through (socket.io), started by `npm run relay`
// (settings in README.md, checked in settings.ts). Only a connection that gave the key moves anyone;
// its positions are checked against the deck's clicks and rate-limited, and the last one greets
// each newcomer.
import type { AddressInfo } from 'node:net'
import type { RelayDeck, TalkPosition } from './protocol.ts'
import { createHash, timingSafeEqual } from 'node:crypto'
import { once } from 'node:events'
import { createServer } from 'node:http'
import process from 'node:process'
import { Server } from 'socket.io'
import { createRateLimit, POSITION_EVENT, readPosition } from './protocol.ts'
import { shareThroughRedis } from './redis.ts'
import { RelayConfigError } from './settings.ts'

/** A presenter may send a burst of 20 positions, then 10 a second. */
const POSITIONS_PER_SECOND = 10
const POSITIONS_BURST = 20
/** While a presenter is connected, the talk's position is heard again this often. */
const HEARTBEAT_MS = 30_000
/** Unheard of for this long, the talk is over and newcomers browse alone. */
const TALK_EXPIRY_MS = 90_000
/** Lines of one kind (viewers coming and going, refusals) are folded into one this often. */
const LOG_FOLD_MS = 5000
/** Between relay processes: "where is the talk?", answered by the one with the presenter. */
const WHERE_EVENT = 'where'
/** The room of presenter connections, left out when the talk's position is told to everyone. */
const PRESENTERS = 'presenters'

export interface RelayOptions {
  port: number
  key: string
  origins: string[]
  deck: RelayDeck
  redisUrl?: URL
  log?: (line: string) => void
  talkExpiryMs?: number
  logFoldMs?: number
}

export type Relay = Awaited<ReturnType<typeof startRelay>>

/** Compared as digests, so neither the time taken nor a length check tells anything of the key. */
function sameKey(given: unknown, key: string): boolean {
  if (typeof given !== 'string')
    return false
  const digest = (text: string) => createHash('sha256').update(text).digest()
  return timingSafeEqual(digest(given), digest(key))
}

const count = (n: number, thing: string) => `${n} ${thing}${n === 1 ? '' : 's'}`

/** Logs the first line of a kind at once, then sums up the rest every `ms`, however many. */
function foldedLog(log: (line: string) => void, ms: number, sumUp: (held: number) => string) {
  let held = 0
  let window: NodeJS.Timeout | undefined
  const flush = () => {
    window = undefined
    if (!held)
      return
    log(sumUp(held))
    held = 0
    window = setTimeout(flush, ms).unref()
  }
  return {
    add: (text: string) => {
      if (window) {
        held++
        return
      }
      log(text)
      window = setTimeout(flush, ms).unref()
    },
    stop: () => {
      clearTimeout(window)
      if (held)
        log(sumUp(held))
    },
  }
}

export async function startRelay(options: RelayOptions) {
  const log = options.log ?? (line => process.stdout.write(`[relay] ${line}\n`))
  const http = createServer((_req, res) => res.writeHead(404).end())
  const foldMs = options.logFoldMs ?? LOG_FOLD_MS
  const refusals = foldedLog(log, foldMs, held => `refused ${count(held, 'more connection')} in the last ${foldMs / 1000} s`)
  const io = new Server(http, {
    serveClient: false,
    cors: { origin: options.origins },
    // CORS binds only what a browser may read; this refuses the connection itself.
    allowRequest: (req, done) => {
      const allowed = options.origins.includes(req.headers.origin ?? '')
      if (!allowed && req.url?.includes('EIO=') && !req.url.includes('sid='))
        refusals.add(`refused a page from origin ${req.headers.origin ?? '(none)'}`)
      done(null, allowed)
    },
  })

  // The talk's position, kept for newcomers while a presenter is heard from; told to the other
  // relay processes too (through Redis), and again at each heartbeat, so one started late learns it.
  // Times are monotonic: a clock set back must not hold the talk or a presenter up.
  let last: TalkPosition | undefined
  let heardAt = 0
  let heardElsewhereAt = -Infinity
  const expiry = options.talkExpiryMs ?? TALK_EXPIRY_MS
  const tell = (position: TalkPosition) => {
    last = position
    heardAt = performance.now()
    if (options.redisUrl)
      io.serverSideEmit(POSITION_EVENT, position)
  }
  io.on(POSITION_EVENT, (data: unknown) => {
    const position = readPosition(data, options.deck)
    if (position) {
      last = position
      heardAt = heardElsewhereAt = performance.now()
    }
  })
  const connected = { presenter: 0, viewer: 0 }
  // Once Redis is back, the presenter's process tells every viewer where the talk went meanwhile;
  // the others ask it to, in case they were back after it (a viewer may hear it twice), and so
  // does a process that starts late.
  const retell = () => {
    if (connected.presenter && last) {
      tell(last)
      io.except(PRESENTERS).emit(POSITION_EVENT, last)
    }
  }
  io.on(WHERE_EVENT, retell)
  const redis = options.redisUrl && await shareThroughRedis(io, options.redisUrl, log, () => {
    retell()
    io.serverSideEmit(WHERE_EVENT)
  })
  if (redis)
    io.serverSideEmit(WHERE_EVENT)

  const summary = () => [
    count(connected.viewer, 'viewer'),
    connected.presenter
      ? 'presenter connected'
      : performance.now() - heardElsewhereAt < expiry ? 'presenter on another relay process' : 'no presenter',
  ].join(', ')
  const viewerLines = foldedLog(log, foldMs, held => `${count(held, 'viewer')} came or went in the last ${foldMs / 1000} s (${summary()})`)

  io.use((socket, next) => {
    const given = (socket.handshake.auth as { key?: unknown } | undefined)?.key
    socket.data.role = given === undefined ? 'viewer' : 'presenter'
    if (given === undefined || sameKey(given, options.key))
      return next()
    refusals.add(`refused a presenter with a wrong key from ${socket.handshake.address}`)
    next(new Error('wrong key'))
  })

  io.on('connection', (socket) => {
    const role = socket.data.role as keyof typeof connected
    connected[role]++
    const note = (text: string) => role === 'viewer' ? viewerLines.add(text) : log(text)
    note(`${role} connected (${summary()})`)
    socket.on('disconnect', () => {
      connected[role]--
      note(`${role} left (${summary()})`)
    })
    if (last && performance.now() - heardAt > expiry)
      last = undefined
    if (role === 'viewer') {
      if (last)
        socket.emit(POSITION_EVENT, last)
      return
    }
    // Beyond its rate, a presenter's moves are not queued: the latest goes out when the rate
    // allows, so a held arrow key still leaves everyone where the presenter stopped.
    socket.join(PRESENTERS)
    const allow = createRateLimit(POSITIONS_PER_SECOND, POSITIONS_BURST)
    let pending: TalkPosition | undefined
    let retry: NodeJS.Timeout | undefined
    const pass = () => {
      tell(pending!)
      socket.broadcast.emit(POSITION_EVENT, pending)
      pending = undefined
    }
    const passWhenAllowed = () => {
      retry = undefined
      if (allow())
        pass()
      else
        retry = setTimeout(passWhenAllowed, 1000 / POSITIONS_PER_SECOND)
    }
    // onAny hears a move as it arrives: socket.on would run a tick later, after a disconnect read with it.
    socket.onAny((event: string, data: unknown) => {
      const position = event === POSITION_EVENT && readPosition(data, options.deck)
      if (!position)
        return
      pending = position
      if (!retry)
        passWhenAllowed()
    })
    // A presenter who closes the laptop mid-burst still leaves everyone on the last move.
    socket.on('disconnecting', () => {
      clearTimeout(retry)
      if (pending)
        pass()
    })
  })

  await once(http.listen(options.port), 'listening').catch(async (error: NodeJS.ErrnoException) => {
    await redis?.close()
    throw error.code === 'EADDRINUSE'
      ? new RelayConfigError(`PORT ${options.port} is in use: stop what listens there, or set PORT to another port`)
      : error
  })
  const heartbeat = setInterval(() => {
    if (connected.presenter > 0 && last)
      tell(last)
  }, HEARTBEAT_MS)
  const { port } = http.address() as AddressInfo
  const deck = `a deck of ${count(options.deck.clicks.length, 'slide')}${redis ? ', shared through Redis' : ''}`
  log(`listening on port ${port} for ${options.origins.join(', ')}, ${deck}`)
  return {
    port,
    close: async () => {
      clearInterval(heartbeat)
      refusals.stop()
      viewerLines.stop()
      await io.close()
      await redis?.close()
    },
  }
}
