// The audience follows the presenter through the relay (relay/, relay/start-relay.ts), on a deck
// built with DECK_RELAY_URL: the presenter and each viewer in a browser context of their own,
// as on separate machines (Slidev's own sync joins windows of one browser, which is not this).
import type { Browser, BrowserContext, Page } from '@playwright/test'
import type { Socket } from 'socket.io-client'
import type { DistServer } from '../../scripts/serve-dist'
import type { RunningProcess } from '../support/relay'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { expect, test } from '@playwright/test'
import { io } from 'socket.io-client'
import { RELAY_DECK_FILE } from '../../relay/protocol'
import { freePort, serveDist } from '../../scripts/serve-dist'
import { seriousAxeViolations } from '../support/checks'
import { loadDeck } from '../support/deck'
import { ROOT } from '../support/essay'
import { portOpen } from '../support/nginx'
import { RELAY_KEY, relayEnv, startNpmScript, startRedis, startRelayProcess } from '../support/relay'

test.describe.configure({ mode: 'serial' })

const slides = await loadDeck()

let relayPort: number
let deck: DistServer
let relay: RunningProcess
let dist: string
const contexts: BrowserContext[] = []

test.beforeAll(async () => {
  test.setTimeout(600_000)
  // `npm test` builds the relay's deck beside its other phases (scripts/run-tests.ts); run alone,
  // this spec builds its own.
  const built = process.env.DECK_TEST_RELAY_DIST
  relayPort = built ? Number(process.env.DECK_TEST_RELAY_PORT) : await freePort()
  dist = built ?? mkdtempSync(join(tmpdir(), 'deck-relay-build-'))
  if (!built) {
    execFileSync(process.execPath, ['scripts/build.ts', '--out', dist], {
      cwd: ROOT,
      stdio: 'pipe',
      env: { ...process.env, DECK_RELAY_URL: `http://127.0.0.1:${relayPort}` },
    })
  }
  deck = await serveDist(dist)
  relay = await startRelayProcess({
    port: relayPort,
    origins: [new URL(deck.url).origin],
    dist,
  })
})

test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map(context => context.close()))
})

test.afterAll(async () => {
  await relay?.stop()
  await deck?.close()
})

// Contexts made by hand, without the offline worker, as playwright.config.ts has it for the rest.
async function open(browser: Browser, path: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    serviceWorkers: 'block',
  })
  contexts.push(context)
  const page = await context.newPage()
  await page.goto(`${deck.url}${path}`)
  await expect(page.locator('#slideshow .slidev-page').filter({ visible: true }).first()).toBeVisible()
  return page
}

/** Where a page is: "slide/click", from its address (/N or /presenter/N, ?clicks=). */
function position(page: Page): string {
  const url = new URL(page.url())
  const slide = url.pathname.match(/(\d+)$/)?.[1] ?? '1'
  return `${slide}/${url.searchParams.get('clicks') ?? '0'}`
}

/** Presses `key` in the presenter view and waits until the presenter is somewhere else, so that what follows compares with where it went. */
async function presenterMoves(presenter: Page, key = 'ArrowRight') {
  const before = position(presenter)
  await presenter.keyboard.press(key)
  await expect.poll(() => position(presenter)).not.toBe(before)
}

async function follows(viewers: Page[], presenter: Page, timeout = 1000) {
  for (const viewer of viewers) {
    await expect.poll(() => position(viewer), {
      timeout,
      intervals: [50],
    }).toBe(position(presenter))
  }
}

test('a deck built without DECK_RELAY_URL has nothing of the relay', () => {
  const plain = readdirSync(join(ROOT, 'dist', 'assets'))
  expect(plain.filter(file => /Relay|socket/i.test(file))).toEqual([])
  const relayText = plain.filter(file => file.endsWith('.js'))
    .filter(file => /deck-relay|deck-slide-clicks|socket\.io/.test(readFileSync(join(ROOT, 'dist', 'assets', file), 'utf8')))
  expect(relayText).toEqual([])
  expect(readdirSync(join(dist, 'assets')).some(file => /^RelayStatus-.*\.js$/.test(file))).toBe(true)
  const csp = (dir: string) => readFileSync(join(dir, 'index.html'), 'utf8').replaceAll('&#39;', '\'').match(/connect-src ([^;"]*)/)![1]
  expect(csp(join(ROOT, 'dist'))).toBe('\'self\'')
  expect(csp(dist)).toBe(`'self' ws://127.0.0.1:${relayPort}`)
  // The relay's view of the deck: every slide's clicks, as the print view counted them.
  expect(existsSync(join(ROOT, 'dist', RELAY_DECK_FILE))).toBe(false)
  const { clicks } = JSON.parse(readFileSync(join(dist, RELAY_DECK_FILE), 'utf8')) as { clicks: number[] }
  expect(clicks).toHaveLength(slides.length)
  const timeline = slides.find(slide => slide.face.includes('<CareerTimeline'))!.no
  expect(clicks[timeline - 1]).toBeGreaterThan(0)
  expect(clicks[0]).toBe(0)
})

test('two viewers follow six moves of the presenter, each within a second', async ({ browser }) => {
  const viewers = [await open(browser, '3'), await open(browser, '20')]
  const presenter = await open(browser, `presenter/8#relay-key=${RELAY_KEY}`)
  // The key leaves the address bar; the presenter sees that the audience follows.
  await expect(presenter.getByText('Live: the audience follows')).toBeVisible()
  expect(new URL(presenter.url()).hash).toBe('')
  await follows(viewers, presenter, 5000)
  for (const viewer of viewers)
    await expect(viewer.getByText('Following the presenter')).toBeVisible()
  // The relay's code came after the page had loaded, slide 1's first screen long shown.
  const timing = await viewers[0].evaluate(() => ({
    loaded: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart,
    relay: performance.getEntriesByType('resource').find(entry => /RelayStatus-[\w-]+\.js$/.test(entry.name))?.startTime,
  }))
  expect(timing.relay).toBeGreaterThanOrEqual(timing.loaded)
  // The timeline on slide 10 has clicks: slides and clicks both travel.
  const moves = ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowLeft', 'ArrowRight', 'ArrowRight']
  const seen = new Set<string>()
  for (const key of moves) {
    await presenterMoves(presenter, key)
    seen.add(position(presenter))
    // A slide counts its clicks once it has drawn: until then a key would pass over them.
    const slide = position(presenter).split('/')[0]
    await expect(presenter.locator(`.grid-section.main [data-slidev-no="${slide}"]`)).toBeVisible()
    await expect(presenter.locator('.grid-section.main .slidev-slide-loading')).toHaveCount(0)
    await follows(viewers, presenter)
  }
  expect([...seen].some(at => !at.endsWith('/0'))).toBe(true)
})

test('a presenter page with a wrong key moves no one, and is told so', async ({ browser }) => {
  const presenter = await open(browser, `presenter/10#relay-key=${RELAY_KEY}`)
  const viewer = await open(browser, '5')
  await follows([viewer], presenter, 5000)
  const impostor = await open(browser, 'presenter/12#relay-key=not-the-key')
  await expect(impostor.getByText('Wrong key. Relay key')).toBeVisible()
  expect(await seriousAxeViolations(impostor, '.deck-relay')).toEqual([])
  // Every place the viewer goes from now on: the presenter's next move is the wait, as the
  // impostor's moves, sent first, would have arrived before it.
  const visited: string[] = []
  viewer.on('framenavigated', frame => frame === viewer.mainFrame() && visited.push(position(viewer)))
  await impostor.keyboard.press('ArrowRight')
  await impostor.keyboard.press('ArrowRight')
  await expect.poll(() => position(impostor)).not.toMatch(/^12\/0$/)
  await presenterMoves(presenter)
  await follows([viewer], presenter, 5000)
  expect(visited.filter(at => /^1[23]\//.test(at)), 'the viewer went where the impostor went').toEqual([])
})

test('after the relay is killed and restarted, the viewers follow again', async ({ browser }) => {
  const viewer = await open(browser, '2')
  const presenter = await open(browser, `presenter/14#relay-key=${RELAY_KEY}`)
  await follows([viewer], presenter, 5000)
  await relay.stop()
  // The deck keeps working without the relay.
  await presenterMoves(presenter)
  await viewer.keyboard.press('ArrowRight')
  await expect.poll(() => position(viewer)).not.toBe('14/0')
  await viewer.getByRole('button', { name: /Follow the presenter/ }).click()
  relay = await startRelayProcess({
    port: relayPort,
    origins: [new URL(deck.url).origin],
    dist,
  })
  // Both reconnect with backoff; the presenter says where the talk is as soon as it is back.
  await follows([viewer], presenter, 10_000)
  await presenterMoves(presenter)
  await follows([viewer], presenter)
})

test('a viewer who navigates alone stays there until they follow again', async ({ browser }) => {
  const viewer = await open(browser, '1')
  const presenter = await open(browser, `presenter/18#relay-key=${RELAY_KEY}`)
  await follows([viewer], presenter, 5000)
  const talk = position(presenter)
  await viewer.keyboard.press('ArrowLeft')
  await expect.poll(() => position(viewer)).not.toBe(talk)
  const alone = position(viewer)
  const back = viewer.getByRole('button', { name: /Follow the presenter/ })
  await expect(back).toBeVisible()
  await presenter.keyboard.press('ArrowRight')
  await presenter.keyboard.press('ArrowRight')
  // The button names where the talk is: on a busy machine a held key can move the presenter on once more.
  const talkSlide = () => Number(position(presenter).split('/')[0])
  await expect.poll(talkSlide).toBeGreaterThanOrEqual(20)
  await expect.poll(async () => (await back.textContent())!.includes(`slide ${talkSlide()})`)).toBe(true)
  expect(position(viewer)).toBe(alone)
  expect(await seriousAxeViolations(viewer, '.deck-relay')).toEqual([])
  await back.click()
  await follows([viewer], presenter)
  await expect(viewer.getByText('Following the presenter')).toBeVisible()
  expect(await seriousAxeViolations(viewer, '.deck-relay')).toEqual([])
})

test('a viewer who moves with the nav bar browses alone too; a presenter who switches in the page drives', async ({ browser }) => {
  const viewer = await open(browser, '1')
  const presenter = await open(browser, `presenter/20#relay-key=${RELAY_KEY}`)
  await follows([viewer], presenter, 5000)
  const talk = position(presenter)
  await viewer.mouse.move(40, 700)
  await viewer.getByRole('button', { name: 'Go to next slide' }).click()
  await expect.poll(() => position(viewer)).not.toBe(talk)
  await expect(viewer.getByRole('button', { name: /Follow the presenter/ })).toBeVisible()
  // A second viewer, with the key in its tab, switches to the presenter view with Slidev's button.
  const other = await open(browser, '20')
  await other.evaluate(key => sessionStorage.setItem('deck-relay-key', key), RELAY_KEY)
  await other.mouse.move(40, 700)
  await other.getByRole('button', { name: 'Presenter Mode' }).click()
  await expect(other.getByText('Live: the audience follows')).toBeVisible()
})

test('on a phone, the reading view follows: it scrolls to the talk\'s slide, until the reader scrolls', async ({ browser }) => {
  const presenter = await open(browser, `presenter/15#relay-key=${RELAY_KEY}`)
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    serviceWorkers: 'block',
  })
  contexts.push(context)
  const phone = await context.newPage()
  await phone.goto(`${deck.url}3`)
  await expect(phone.locator('.reading-view')).toBeVisible()
  await expect(phone.getByText('Following live')).toBeVisible()
  const atTop = (no: number) => phone.evaluate((id) => {
    const top = document.getElementById(id)!.getBoundingClientRect().top
    return top >= 0 && top < innerHeight / 2
  }, String(no))
  await expect.poll(() => atTop(15), { timeout: 5000 }).toBe(true)
  await presenter.keyboard.press('ArrowRight')
  await expect.poll(() => position(presenter)).not.toBe('15/0')
  const talk = Number(position(presenter).split('/')[0])
  await expect.poll(() => atTop(talk), { timeout: 5000 }).toBe(true)
  await phone.mouse.wheel(0, 2000)
  const back = phone.getByRole('button', { name: /Follow live/ })
  await expect(back).toBeVisible()
  for (const width of [390, 320]) {
    await phone.setViewportSize({ width, height: 844 })
    // Polled: the reading view scales its slides to the new width once its resize observer fires.
    await expect.poll(() => phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
  }
  await back.click()
  await expect.poll(() => atTop(talk), { timeout: 5000 }).toBe(true)
})

/** Two relay processes sharing a talk through `redis`, and socket.io clients for either. */
async function relaysThrough(redis: RunningProcess & { url: string }) {
  const origin = new URL(deck.url).origin
  const ports = [await freePort(), await freePort()]
  const relays = await Promise.all(ports.map(port => startRelayProcess({ port, origins: [origin], dist, redisUrl: redis.url })))
  const sockets: Socket[] = []
  const connect = (relayNo: number, key?: string) => {
    const socket = io(`http://127.0.0.1:${ports[relayNo]}`, {
      transports: ['websocket'],
      extraHeaders: { Origin: origin },
      auth: key ? { key } : undefined,
    })
    sockets.push(socket)
    return socket
  }
  const stop = async () => {
    sockets.forEach(socket => socket.close())
    await Promise.all(relays.map(one => one.stop()))
  }
  return { relays, connect, stop }
}

async function connected(...sockets: Socket[]) {
  await Promise.all(sockets.map(socket => new Promise(resolve => socket.once('connect', () => resolve(socket)))))
  return sockets
}

/** The next position `socket` receives, or an error naming what did not arrive. */
function next(socket: Socket, what: string, ms = 10_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no position within ${ms} ms`)), ms)
    socket.once('position', (position) => {
      clearTimeout(timer)
      resolve(position)
    })
  })
}

/** Says `position` until `socket` hears it: the adapter subscribes to Redis after the relay says it listens. */
async function sayUntilHeard(presenter: Socket, position: object, socket: Socket, what: string) {
  const heard = next(socket, what)
  const saying = setInterval(() => presenter.emit('position', position), 200)
  try {
    expect(await heard).toEqual(position)
  }
  finally {
    clearInterval(saying)
  }
}

test('a viewer on one relay process follows a presenter on another, through Redis', async () => {
  const redis = await startRedis()
  const pair = await relaysThrough(redis)
  try {
    const [presenter, viewer] = await connected(pair.connect(0, RELAY_KEY), pair.connect(1))
    await sayUntilHeard(presenter, { slide: 7, click: 0 }, viewer, 'the viewer on the second process')
    // A newcomer on the second process is put on the talk at once.
    expect(await next(pair.connect(1), 'a newcomer on the second process')).toEqual({ slide: 7, click: 0 })
    // Its log, folded every 5 s, knows the presenter is on the other process.
    await expect.poll(() => pair.relays[1].output(), { timeout: 7000 }).toMatch(/\(2 viewers, presenter on another relay process\)/)
  }
  finally {
    await pair.stop()
    await redis.stop()
  }
})

test('with Redis away for 10 s, each process goes on with its own viewers, and they share the talk again once it is back', async () => {
  test.setTimeout(60_000)
  let redis = await startRedis()
  const pair = await relaysThrough(redis)
  try {
    const [presenter, near, far] = await connected(pair.connect(0, RELAY_KEY), pair.connect(0), pair.connect(1))
    await sayUntilHeard(presenter, { slide: 7, click: 0 }, far, 'the viewer on the second process')
    await redis.stop()
    const away = Date.now()
    // Past the client's 5 s connect timeout, the presenter moves and the viewer beside them follows.
    for (let slide = 8; Date.now() - away < 10_000; slide++) {
      const heard = next(near, `slide ${slide}, Redis away, on the presenter's process`, 1000)
      presenter.emit('position', { slide, click: 0 })
      expect(await heard).toEqual({ slide, click: 0 })
      await new Promise(resolve => setTimeout(resolve, 1000)) // the outage is the point: time passes
    }
    const where = next(far, 'where the talk went, once Redis is back')
    redis = await startRedis({ port: Number(new URL(redis.url).port) })
    await expect.poll(() => pair.relays.map(one => /is back/.test(one.output())), { timeout: 5000 }).toEqual([true, true])
    expect(await where).toMatchObject({ slide: expect.any(Number) })
    const both = [near, far].map(viewer => next(viewer, 'a move after Redis is back', 1000))
    presenter.emit('position', { slide: 30, click: 0 })
    expect(await Promise.all(both)).toEqual([{ slide: 30, click: 0 }, { slide: 30, click: 0 }])
    for (const one of pair.relays) {
      expect([one.child.exitCode, one.child.signalCode], one.output()).toEqual([null, null])
      expect(one.output().match(/is away/g), one.output()).toHaveLength(1)
      expect(one.output().match(/is back/g), one.output()).toHaveLength(1)
      expect(one.output()).not.toMatch(/error handler|Error|\n\s+at /)
    }
  }
  finally {
    await pair.stop()
    await redis.stop()
  }
})

test('a stop signal to npm run relay or npm run serve frees its port within 2 s', async () => {
  test.setTimeout(60_000)
  const servers = await Promise.all([
    startNpmScript('relay', [], relayEnv(await freePort(), [new URL(deck.url).origin], dist), /listening on port (\d+)/),
    startNpmScript('serve', [String(await freePort())], {}, /deck served as on \w+ at http:\/\/127\.0\.0\.1:(\d+)/),
  ])
  for (const server of servers) {
    const port = Number(server.output().match(/(?:listening on port |127\.0\.0\.1:)(\d+)/)![1])
    const stopped = Date.now()
    server.child.kill('SIGTERM')
    await expect.poll(() => portOpen(port), { timeout: 2000, intervals: [50] }).toBe(false)
    expect(Date.now() - stopped).toBeLessThan(2000)
  }
})
