// The relay's checks (relay/protocol.ts, relay/server.ts): what it accepts, from whom, how often,
// and the settings it refuses to start with. The relay runs in this process, on a free port,
// with real socket.io clients.
import type { Socket } from 'socket.io-client'
import type { Relay, RelayOptions } from '../../relay/server'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { io } from 'socket.io-client'
import { afterEach, describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../hosting/headers'
import { createRateLimit, readPosition } from '../../relay/protocol'
import { relaySocketOrigin, resolveRelayUrl } from '../../relay/relay-plugin'
import { readRelayDeck, RelayConfigError, relayOptionsFromEnv, startRelay } from '../../relay/server'

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
  it.each([
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
      'a port that is not one',
      { PORT: 'eighty' },
      /PORT is "eighty"/,
    ],
  ])('refuses %s, naming the variable', (_, change, message) => {
    expect(() => relayOptionsFromEnv({ ...env, ...change }, DECK)).toThrow(RelayConfigError)
    expect(() => relayOptionsFromEnv({ ...env, ...change }, DECK)).toThrow(message)
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
  ])('refuses %s, naming the file and field', (_, path, message) => {
    expect(() => readRelayDeck(path())).toThrow(message)
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
    expect(lines.filter(line => line.startsWith('refused'))).toHaveLength(5)
    // Wrong keys lock no one out: the presenter still gets in.
    await connected(connect({ key: KEY }))
  })

  it('logs a flood of refusals as a count, not line by line', async () => {
    await start()
    await Promise.all(Array.from({ length: 20 }, () => connected(connect({ key: 'wrong' })).catch(() => {})))
    expect(lines.filter(line => line.startsWith('refused')).length).toBeLessThanOrEqual(5)
  })

  it('holds a presenter to its rate, and still delivers where they stopped', async () => {
    await start()
    const presenter = connect({ key: KEY })
    const viewer = connect()
    await Promise.all([presenter, viewer].map(connected))
    const received = collect(viewer, 500)
    for (let i = 0; i < 50; i++)
      presenter.emit('position', { slide: (i % 37) + 1, click: 0 })
    const got = await received()
    expect(got.length).toBeGreaterThan(0)
    expect(got.length).toBeLessThanOrEqual(21)
    expect(got.at(-1)).toEqual({ slide: (49 % 37) + 1, click: 0 })
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
