// The relay's checks (relay/protocol.ts, server.ts, settings.ts): what it accepts, from whom, how
// often, what it logs, and the settings it refuses to start with. The relay runs in this process,
// on a free port, with real socket.io clients; a bad setting is tried as `npm run relay` runs it.
import type { AddressInfo, Server } from 'node:net'
import type { Socket } from 'socket.io-client'
import type { Relay, RelayOptions } from '../../relay/server'
import { execFile } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { io } from 'socket.io-client'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { contentSecurityPolicy } from '../../hosting/headers'
import { createRateLimit, readPosition } from '../../relay/protocol'
import { relaySocketOrigin, resolveRelayUrl } from '../../relay/relay-plugin'
import { startRelay } from '../../relay/server'
import { readRelayDeck, RelayConfigError, relayOptionsFromEnv } from '../../relay/settings'
import { freePort } from '../../scripts/serve-dist'
import { ROOT } from '../support/essay'
import { startRedis } from '../support/relay'

const KEY = 'the-presenters-key'
const ORIGIN = 'http://deck.example'
/** 37 slides; slide 3 has 4 clicks, slide 37 two, the rest none. */
const DECK = {
  clicks: Array.from({ length: 37 }, (_, i) => i === 2 ? 4 : i === 36 ? 2 : 0),
}

describe('readPosition', () => {
  it('takes a slide of the deck at a click', () => {
    expect(readPosition({ slide: 1, click: 0 }, DECK)).toEqual({ slide: 1, click: 0 })
    expect(readPosition({ slide: 3, click: 4 }, DECK)).toEqual({ slide: 3, click: 4 })
    expect(readPosition({ slide: 37, click: 2, extra: 'dropped' }, DECK)).toEqual({ slide: 37, click: 2 })
  })
  it.each([
    ['nothing', undefined],
    ['a string', '3/1'],
    [
      'no click',
      { slide: 3 },
    ],
    [
      'slide 0',
      { slide: 0, click: 0 },
    ],
    [
      'a slide past the end',
      { slide: 38, click: 0 },
    ],
    [
      'a fractional slide',
      { slide: 2.5, click: 0 },
    ],
    [
      'a numeric string',
      { slide: '3', click: 0 },
    ],
    [
      'a negative click',
      { slide: 3, click: -1 },
    ],
    [
      'too many clicks',
      { slide: 3, click: 5 },
    ],
    [
      'a click on a slide with none',
      { slide: 2, click: 1 },
    ],
    [
      'Infinity',
      { slide: 3, click: Infinity },
    ],
  ])('drops %s', (_, data) => {
    expect(readPosition(data, DECK)).toBeUndefined()
  })
})

describe('createRateLimit', () => {
  it('lets a burst through, then refills at its rate', () => {
    let now = 0
    const allow = createRateLimit(10, 3, () => now)
    expect([
      allow(),
      allow(),
      allow(),
      allow(),
    ]).toEqual([true, true, true, false])
    now += 100
    expect([
      allow(),
      allow(),
    ]).toEqual([true, false])
  })
})

describe('relayOptionsFromEnv', () => {
  const env = { DECK_RELAY_KEY: KEY, DECK_RELAY_ORIGINS: ORIGIN }
  it('reads the port, key and origins, with port 3031 by default', () => {
    expect(relayOptionsFromEnv(env, DECK)).toMatchObject({
      port: 3031,
      key: KEY,
      origins: [ORIGIN],
      deck: DECK,
    })
    expect(relayOptionsFromEnv({ ...env, PORT: '4000', DECK_RELAY_ORIGINS: `${ORIGIN}, https://b.example` }, DECK))
      .toMatchObject({
        port: 4000,
        origins: [ORIGIN, 'https://b.example'],
      })
  })
  it.each<[string, NodeJS.ProcessEnv, RegExp]>([
    [
      'no key',
      { DECK_RELAY_KEY: undefined },
      /DECK_RELAY_KEY is not set/,
    ],
    [
      'a short key',
      { DECK_RELAY_KEY: 'short' },
      /DECK_RELAY_KEY/,
    ],
    [
      'no origins',
      { DECK_RELAY_ORIGINS: '' },
      /DECK_RELAY_ORIGINS is not set/,
    ],
    [
      'an origin with a path',
      { DECK_RELAY_ORIGINS: `${ORIGIN}/deck/` },
      /"http:\/\/deck\.example\/deck\/" is not an origin/,
    ],
    [
      'a key with spaces around it',
      { DECK_RELAY_KEY: ` ${KEY} ` },
      /DECK_RELAY_KEY has spaces around it/,
    ],
    [
      'a key of one character repeated',
      { DECK_RELAY_KEY: 'k'.repeat(16) },
      /DECK_RELAY_KEY is too weak .*openssl rand/,
    ],
    ...['eighty', '', '0', '65536', '0x0C1F', '1e3', ' 80', '80.0'].map((port): [string, NodeJS.ProcessEnv, RegExp] => [
      `the port "${port}"`,
      { PORT: port },
      /^PORT is ".*": a port number from 1 to 65535 is expected, in decimal$/,
    ]),
    [
      'a Redis address of another scheme',
      { DECK_RELAY_REDIS_URL: 'http://127.0.0.1:6379' },
      /^DECK_RELAY_REDIS_URL is a http: address/,
    ],
    [
      'a Redis address that is none',
      { DECK_RELAY_REDIS_URL: 'redis://:secret-password@[::1' },
      /^DECK_RELAY_REDIS_URL is not an address/,
    ],
  ])('refuses %s, naming the variable', (_, change, message) => {
    expect(() => relayOptionsFromEnv({ ...env, ...change }, DECK)).toThrow(RelayConfigError)
    expect(() => relayOptionsFromEnv({ ...env, ...change }, DECK)).toThrow(message)
    expect(() => relayOptionsFromEnv({ ...env, ...change }, DECK)).not.toThrow(/secret-password/)
  })
})

describe('readRelayDeck', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relay-deck-'))
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text)
    return join(dir, name)
  }
  it('reads the clicks a relay build wrote', () => {
    expect(readRelayDeck(file('good.json', JSON.stringify(DECK)))).toEqual(DECK)
  })
  it.each([
    [
      'a missing file',
      () => join(dir, 'none.json'),
      /none\.json is missing: build the deck with DECK_RELAY_URL/,
    ],
    [
      'no JSON',
      () => file('text.json', 'clicks'),
      /text\.json is not JSON/,
    ],
    [
      'no list',
      () => file('empty.json', '{"clicks":[]}'),
      /empty\.json: "clicks" is not a list/,
    ],
    [
      'a count that is not one',
      () => file('bad.json', '{"clicks":[0,-1]}'),
      /bad\.json: "clicks"\[1\] \(slide 2\) is -1/,
    ],
    [
      'a count too large to be one',
      () => file('huge.json', '{"clicks":[1e400]}'),
      /huge\.json: "clicks"\[0\] \(slide 1\) is Infinity/,
    ],
    [
      'a folder',
      () => dir,
      /relay-deck-\w+ is a folder: build the deck with DECK_RELAY_URL/,
    ],
  ])('refuses %s, naming the file and field', (_, path, message) => {
    expect(() => readRelayDeck(path())).toThrow(message)
  })
})

describe('npm run relay with a bad setting', () => {
  const deck = join(mkdtempSync(join(tmpdir(), 'relay-deck-')), 'relay-deck.json')
  writeFileSync(deck, JSON.stringify(DECK))
  const PASSWORD = 'hunter2-the-password'
  let redis: Awaited<ReturnType<typeof startRedis>>
  let taken: Server
  beforeAll(async () => {
    redis = await startRedis({ password: 'another-password' })
    taken = createServer().listen(0, '127.0.0.1')
    await once(taken, 'listening')
  })
  afterAll(async () => {
    await redis.stop()
    taken.close()
  })
  /** What start-relay.ts prints and exits with, given `env` over good settings. */
  const run = async (env: Record<string, string>) => {
    const port = String(await freePort())
    return new Promise<{ code: number | null, output: string }>((resolve) => {
      const child = execFile(process.execPath, ['relay/start-relay.ts'], {
        cwd: ROOT,
        env: { ...process.env, PORT: port, DECK_RELAY_KEY: KEY, DECK_RELAY_ORIGINS: ORIGIN, DECK_RELAY_DECK: deck, ...env },
      }, (_error, stdout, stderr) => resolve({ code: child.exitCode, output: stdout + stderr }))
    })
  }
  const redisPort = () => new URL(redis.url).port
  it.concurrent.each([
    ['a port in use', () => ({ PORT: String((taken.address() as AddressInfo).port) }), /^PORT \d+ is in use/],
    ['a Redis nothing listens at', async () => ({ DECK_RELAY_REDIS_URL: `redis://:${PASSWORD}@127.0.0.1:${await freePort()}` }), /^DECK_RELAY_REDIS_URL: cannot use Redis at 127\.0\.0\.1:\d+ \(connection refused\)$/],
    ['a Redis host that does not resolve', () => ({ DECK_RELAY_REDIS_URL: `redis://:${PASSWORD}@no-such-host.invalid` }), /^DECK_RELAY_REDIS_URL: cannot use Redis at no-such-host\.invalid:6379 \(no such host\)$/],
    ['a wrong Redis password', () => ({ DECK_RELAY_REDIS_URL: `redis://:${PASSWORD}@127.0.0.1:${redisPort()}` }), /^DECK_RELAY_REDIS_URL: cannot use Redis at .* \(wrong password or user\)$/],
    ['no Redis password', () => ({ DECK_RELAY_REDIS_URL: `redis://127.0.0.1:${redisPort()}` }), /^DECK_RELAY_REDIS_URL: cannot use Redis at .* \(it asks for a password\)$/],
    ['a malformed Redis address', () => ({ DECK_RELAY_REDIS_URL: `redis://:${PASSWORD}@[127.0.0.1` }), /^DECK_RELAY_REDIS_URL is not an address/],
    ['a Redis password the Redis client cannot read', () => ({ DECK_RELAY_REDIS_URL: `redis://:${PASSWORD}%zz@127.0.0.1:${redisPort()}` }), /^DECK_RELAY_REDIS_URL: cannot use Redis at /],
    ['a Redis address with a path', () => ({ DECK_RELAY_REDIS_URL: `redis://:${PASSWORD}@127.0.0.1/abc` }), /^DECK_RELAY_REDIS_URL: after the host comes only a database number/],
    ['a weak key', () => ({ DECK_RELAY_KEY: 'ab'.repeat(10) }), /^DECK_RELAY_KEY is too weak/],
  ])('exits at once on %s, with one line naming the variable, never the password', async (_, env, message) => {
    const { code, output } = await run(await env())
    expect(code).toBe(1)
    expect(output.trim().split('\n')).toHaveLength(1)
    expect(output.replace(/^\[relay\] /, '').trim()).toMatch(message)
    expect(output).not.toContain(PASSWORD)
  })
})

describe('the deck side of DECK_RELAY_URL', () => {
  it('takes an http(s) origin and allows its WebSocket origin in the CSP', () => {
    expect(resolveRelayUrl(undefined)).toBeUndefined()
    expect(relaySocketOrigin(resolveRelayUrl('http://10.0.0.5:3031')!)).toBe('ws://10.0.0.5:3031')
    expect(relaySocketOrigin(resolveRelayUrl('https://relay.example')!)).toBe('wss://relay.example')
    expect(contentSecurityPolicy('meta', ['wss://relay.example'])).toContain('connect-src \'self\' wss://relay.example;')
    expect(contentSecurityPolicy('meta')).toContain('connect-src \'self\';')
  })
  it.each([
    'relay.example',
    'ftp://relay.example',
    'https://relay.example/socket',
    'https://relay.example/?x=1',
  ])('refuses %s, naming DECK_RELAY_URL', (value) => {
    expect(() => resolveRelayUrl(value)).toThrow(/DECK_RELAY_URL=".*" is not a relay address/)
  })
})

describe('the relay', () => {
  let relay: Relay
  const sockets: Socket[] = []
  const lines: string[] = []
  afterEach(async () => {
    vi.restoreAllMocks()
    sockets.splice(0).forEach(socket => socket.close())
    await relay?.close()
    lines.length = 0
  })

  async function start(options: Partial<RelayOptions> = {}) {
    relay = await startRelay({
      port: 0,
      key: KEY,
      origins: [ORIGIN],
      deck: DECK,
      log: line => lines.push(line),
      logFoldMs: 100,
      ...options,
    })
  }
  function connect(options: { key?: string, origin?: string | null } = {}): Socket {
    const origin = options.origin === null ? undefined : options.origin ?? ORIGIN
    const socket = io(`http://127.0.0.1:${relay.port}`, {
      transports: ['websocket'],
      extraHeaders: origin ? { Origin: origin } : {},
      auth: options.key === undefined ? undefined : { key: options.key },
      reconnection: false,
    })
    sockets.push(socket)
    return socket
  }
  const connected = (socket: Socket) => new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve)
    socket.once('connect_error', reject)
  })
  /** A presenter and a viewer, both connected. */
  async function presenterAndViewer() {
    const both = [connect({ key: KEY }), connect()]
    await Promise.all(both.map(connected))
    return both
  }
  /** The counts in the folded log lines `pattern` matches, added up. */
  const folded = (pattern: RegExp) => lines.reduce((sum, line) => sum + Number(line.match(pattern)?.[1] ?? 0), 0)
  /** Every position `socket` receives within `ms`. */
  function collect(socket: Socket, ms = 300) {
    const got: unknown[] = []
    socket.on('position', position => got.push(position))
    return () => new Promise<unknown[]>(resolve => setTimeout(resolve, ms, got))
  }

  it('passes the presenter\'s valid positions to every viewer, and nothing else', async () => {
    await start()
    const presenter = connect({ key: KEY })
    const viewers = [
      connect(),
      connect(),
    ]
    await Promise.all([presenter, ...viewers].map(connected))
    const received = viewers.map(viewer => collect(viewer))
    presenter.emit('position', { slide: 3, click: 1 })
    presenter.emit('position', { slide: 99, click: 0 })
    presenter.emit('position', 'slide 5')
    viewers[0].emit('position', { slide: 30, click: 0 })
    for (const got of received) {
      expect(await got()).toEqual([
        { slide: 3, click: 1 },
      ])
    }
  })

  it('refuses a wrong key, and a page from an origin it does not serve or from none', async () => {
    await start()
    await expect(connected(connect({ key: 'not-the-key' }))).rejects.toThrow('wrong key')
    await expect(connected(connect({ key: '' }))).rejects.toThrow('wrong key')
    await expect(connected(connect({ key: `${KEY}x` }))).rejects.toThrow('wrong key')
    await expect(connected(connect({ origin: 'https://elsewhere.example' }))).rejects.toThrow()
    await expect(connected(connect({ origin: null }))).rejects.toThrow()
    // Wrong keys lock no one out: the presenter still gets in.
    await connected(connect({ key: KEY }))
    await vi.waitFor(() => expect(folded(/^refused (\d+) more connections? in the last 0\.1 s$/)).toBe(4))
    expect(lines.find(line => line.startsWith('refused'))).toMatch(/^refused a presenter with a wrong key from /)
  })

  it('folds a flood of refusals, and of viewers, into a line every few seconds', async () => {
    await start()
    await Promise.all(Array.from({ length: 20 }, () => connected(connect({ key: 'wrong' })).catch(() => {})))
    await Promise.all(Array.from({ length: 30 }, () => connected(connect())))
    // However the 0.1 s windows fall: the first line of each kind, then counts that add up.
    await vi.waitFor(() => {
      expect(folded(/^refused (\d+) more connections? in the last 0\.1 s$/)).toBe(19)
      expect(folded(/^(\d+) viewers? came or went in the last 0\.1 s \(\d+ viewers?, no presenter\)$/)).toBe(29)
    })
    expect(lines.find(line => line.startsWith('refused'))).toMatch(/^refused a presenter with a wrong key/)
    expect(lines).toContain('viewer connected (1 viewer, no presenter)')
    expect(lines.filter(line => line.includes('came or went')).at(-1)).toMatch(/\(30 viewers, no presenter\)$/)
    expect(lines.length).toBeLessThan(20)
  })

  it('holds a presenter to its rate, and still delivers where they stopped', async () => {
    await start()
    const [presenter, viewer] = await presenterAndViewer()
    const received = collect(viewer, 500)
    for (let i = 0; i < 50; i++)
      presenter.emit('position', { slide: (i % 37) + 1, click: 0 })
    const got = await received()
    expect(got.length).toBeGreaterThan(0)
    expect(got.length).toBeLessThanOrEqual(21)
    expect(got.at(-1)).toEqual({ slide: (49 % 37) + 1, click: 0 })
  })

  it('sends the move held back by the rate before a presenter who leaves mid-burst is gone', async () => {
    await start()
    const [presenter, viewer] = await presenterAndViewer()
    const received = collect(viewer, 500)
    for (let i = 1; i <= 30; i++)
      presenter.emit('position', { slide: i, click: 0 })
    // Slides 21 to 30 wait for the rate, and arrive with the disconnect: slide 30 must go out.
    presenter.disconnect()
    expect((await received()).at(-1)).toEqual({ slide: 30, click: 0 })
    const late = connect()
    expect(await new Promise(resolve => late.once('position', resolve))).toEqual({ slide: 30, click: 0 })
  })

  it('keeps its rate by a monotonic clock: a wall clock set back holds no move up', async () => {
    const wall = Date.now
    let setBack = 0
    vi.spyOn(Date, 'now').mockImplementation(() => wall() - setBack)
    await start()
    const [presenter, viewer] = await presenterAndViewer()
    for (let i = 1; i <= 20; i++)
      presenter.emit('position', { slide: i, click: 0 })
    await new Promise(resolve => viewer.on('position', ({ slide }) => slide === 20 && resolve(slide)))
    setBack = 10_000
    const received = collect(viewer, 400)
    presenter.emit('position', { slide: 21, click: 0 })
    expect(await received()).toEqual([{ slide: 21, click: 0 }])
  })

  it('with Redis gone, logs it once and closes without a failure left behind', async () => {
    const redis = await startRedis()
    try {
      await start({ redisUrl: new URL(redis.url) })
    }
    finally {
      await redis.stop()
    }
    await vi.waitFor(() => expect(lines.filter(line => / is away /.test(line))).toHaveLength(1))
    // An unhandled rejection from the adapter's unsubscribing would fail this run.
    await relay.close()
  })

  it('forgets the talk once no presenter has been heard from for a while', async () => {
    await start({ talkExpiryMs: 200 })
    const presenter = connect({ key: KEY })
    await connected(presenter)
    presenter.emit('position', { slide: 9, click: 0 })
    await new Promise(resolve => setTimeout(resolve, 100))
    presenter.close()
    await new Promise(resolve => setTimeout(resolve, 300))
    const late = connect()
    const got = collect(late)
    await connected(late)
    expect(await got()).toEqual([])
  })

  it('puts a viewer who connects late on the talk at once, and logs connections only', async () => {
    await start()
    const presenter = connect({ key: KEY })
    await connected(presenter)
    presenter.emit('position', { slide: 37, click: 2 })
    await new Promise(resolve => setTimeout(resolve, 100))
    const late = connect()
    const first = new Promise(resolve => late.once('position', resolve))
    expect(await first).toEqual({ slide: 37, click: 2 })
    expect(lines).toEqual([
      expect.stringMatching(/^listening on port \d+/),
      'presenter connected (0 viewers, presenter connected)',
      'viewer connected (1 viewer, presenter connected)',
    ])
  })
})
