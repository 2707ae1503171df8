// What a visitor's browser does with a built deck: how many bytes arrive before slide 1 is
// visible and how long that takes (cold cache), how many arrive in all once Slidev has preloaded
// the rest, and how long each next slide takes to show after a keypress.
import type { Browser, Page } from 'playwright-chromium'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { servedSize } from '../../hosting/compress.ts'
import { NOT_BEFORE_FIRST_SLIDE } from './budgets.ts'

export const KINDS = ['js', 'css', 'font', 'other'] as const
export const ENCODINGS = ['gzip', 'br', 'identity'] as const
export type Kind = typeof KINDS[number]
export type Encoding = typeof ENCODINGS[number]
/** Bytes by kind of file and by what the host sends: its gzip or brotli copy, or the file itself. */
export type Bytes = Record<Kind, Record<Encoding, number>>

/** What a file counts as, by the end of its name; anything else is 'other'. */
const KIND_PATTERNS: [Kind, RegExp][] = [['js', /\.m?js$/], ['css', /\.css$/], ['font', /\.(?:woff2?|ttf|otf)$/]]
const kindOf = (file: string) => KIND_PATTERNS.find(([, pattern]) => pattern.test(file))?.[0] ?? 'other'

/** What the URLs under `deckUrl` weigh: their files in `dist`, by kind and as a host sends them. */
function tally(dist: string, deckUrl: string, urls: string[]): { bytes: Bytes, code: string[] } {
  const bytes = Object.fromEntries(KINDS.map(kind => [kind, { gzip: 0, br: 0, identity: 0 }])) as Bytes
  const code: string[] = []
  const base = new URL(deckUrl).pathname
  for (const url of new Set(urls.filter(url => url.startsWith(deckUrl)))) {
    let file = join(dist, decodeURIComponent(new URL(url).pathname.slice(base.length)))
    if (!existsSync(file) || statSync(file).isDirectory())
      file = join(dist, 'index.html') // a route, answered with the app
    for (const encoding of ENCODINGS)
      bytes[kindOf(file)][encoding] += servedSize(file, encoding)
    if (kindOf(file) === 'js')
      code.push(readFileSync(file, 'utf8'))
  }
  return { bytes, code }
}

/** The page's record of what it showed when, in ms from navigation start (see measureLoad). */
interface Probe {
  /** Calls back with the time of the first frame in which Slidev's client shows slide `no`, in its fonts. */
  watch: (no: number, done: (ms: number) => void) => void
  firstSlide?: number
  liveSlide?: number
  /** From the last keypress to the next slide shown. */
  next?: number
}
declare global {
  interface Window { __probe: Probe }
}

// Runs in every page before the deck's code, so slide 1 is watched from the start. "On screen" is
// what a visitor sees (the title laid out, visible, in loaded fonts), whichever code drew it.
function installProbe(title: string) {
  const normalise = (text: string) => text.replace(/\s+/g, ' ').trim()
  /** Calls `done` with the time of the first frame in which `shown` holds and the page's fonts are loaded. */
  const firstFrame = (shown: () => boolean, done: (ms: number) => void) => {
    if (shown() && document.fonts.status === 'loaded')
      done(performance.now())
    else
      requestAnimationFrame(() => firstFrame(shown, done))
  }
  const titleOnScreen = () => [...document.querySelectorAll('h1, h2, h3, p, div')].some((element) => {
    if (normalise(element.textContent ?? '') !== normalise(title))
      return false
    const box = element.getBoundingClientRect()
    return element.checkVisibility({ opacityProperty: true, visibilityProperty: true })
      && box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth
  })
  const slideShown = (no: number) => {
    const slide = [...document.querySelectorAll(`#slideshow [data-slidev-no="${no}"]`)]
      .find(element => element.getBoundingClientRect().width > 0)
    return !!slide && slide.textContent!.trim() !== '' && !slide.querySelector('.slidev-slide-loading')
  }
  const probe: Probe = { watch: (no, done) => firstFrame(() => slideShown(no), done) }
  window.__probe = probe
  requestAnimationFrame(() => firstFrame(titleOnScreen, ms => probe.firstSlide = ms))
  requestAnimationFrame(() => probe.watch(1, ms => probe.liveSlide = ms))
}

/** Lighthouse's mobile profile as DevTools applies it: a slow 4G network and a CPU 4x slower. */
async function throttle(page: Page) {
  const cdp = await page.context().newCDPSession(page)
  const kbps = (n: number) => n * 1024 / 8
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 562.5, downloadThroughput: kbps(1474.56), uploadThroughput: kbps(675) })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
}

export interface LoadOptions {
  /** Under Lighthouse's mobile profile rather than on loopback at full speed. */
  throttled?: boolean
  /** Wait for Slidev's client to draw slide 1 (a peer deck has no Slidev client). */
  live?: boolean
}

/** A cold browser context on the deck, with the probe and requests to other hosts blocked, once slide 1 is shown (and live). */
async function openDeck(browser: Browser, url: string, title: string, blocked: string[] = [], { throttled = false, live = true }: LoadOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  await context.addInitScript(installProbe, title)
  const page = await context.newPage()
  if (throttled)
    await throttle(page)
  await page.route('**/*', (route) => {
    if (route.request().url().startsWith(new URL(url).origin))
      return route.continue()
    blocked.push(route.request().url())
    return route.abort()
  })
  // Throttled, the starter takes most of 30 s to load: the probe, not the load event, is the wait.
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 })
  await page.waitForFunction(() => window.__probe.firstSlide !== undefined, null, { timeout: 120_000 })
  if (!live)
    return { page, context }
  // Our slide 1 is the build's copy until the visitor's first input starts Slidev's client
  // (hosting/first-screen/first-screen.ts): a visitor's pointer moves as soon as they see it,
  // and the start script listens from the moment the document is parsed.
  await page.waitForLoadState('domcontentloaded')
  await page.mouse.move(1, 1)
  await page.waitForFunction(() => window.__probe.liveSlide !== undefined, null, { timeout: 120_000 })
  return { page, context }
}

/** Waits until Slidev has preloaded the other slides, which it starts a moment after slide 1 shows. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(3000)
  await page.waitForLoadState('networkidle')
}

/** Milliseconds from navigation start to slide 1 shown, and (`live`) drawn by Slidev's client, from a cold cache. */
export async function timeFirstSlide(browser: Browser, url: string, title: string, options: LoadOptions) {
  const { page, context } = await openDeck(browser, url, title, [], options)
  const [firstSlideMs, liveSlideMs] = await page.evaluate(() => [window.__probe.firstSlide!, window.__probe.liveSlide ?? Number.NaN])
  await context.close()
  return { firstSlideMs, liveSlideMs }
}

export async function measureLoad(browser: Browser, url: string, dist: string, title: string) {
  /** Requests to other hosts (the starter asks for a remote cover image and fonts). */
  const blocked: string[] = []
  const { page, context } = await openDeck(browser, url, title, blocked)
  const [firstSlideMs, liveSlideMs] = await page.evaluate(() => [window.__probe.firstSlide!, window.__probe.liveSlide!])
  // The page itself and every file that had arrived by `limit`.
  const loadedBy = async (limit: number) => tally(dist, url, await page.evaluate(limit => [
    location.href,
    ...performance.getEntriesByType('resource')
      .filter(entry => (entry as PerformanceResourceTiming).responseEnd <= limit)
      .map(entry => entry.name),
  ], limit))
  const before = await loadedBy(firstSlideMs)
  await settle(page)
  const after = await loadedBy(Number.POSITIVE_INFINITY)
  await context.close()
  return {
    /** Milliseconds from navigation start to slide 1 on screen: its title shown, in its fonts. */
    firstSlideMs,
    /** Milliseconds from navigation start to slide 1 drawn by Slidev's client, which then takes keys. */
    liveSlideMs,
    beforeFirstSlide: before.bytes,
    /** Libraries found in the code loaded before slide 1 (see NOT_BEFORE_FIRST_SLIDE). */
    forbidden: Object.keys(NOT_BEFORE_FIRST_SLIDE).filter(name => before.code.some(code => NOT_BEFORE_FIRST_SLIDE[name].test(code))),
    afterPreload: after.bytes,
    blocked,
  }
}

/** Milliseconds from each keypress to the next slide shown, over the whole deck, after preload. */
export async function measureNextSlide(browser: Browser, url: string, slides: number, title: string) {
  const { page, context } = await openDeck(browser, `${url}1`, title)
  await settle(page)
  const times: number[] = []
  for (let no = 2; no <= slides; no++) {
    // The watch starts in the page's own keydown handler, so the time runs from the keypress.
    await page.evaluate((no) => {
      window.__probe.next = undefined
      window.addEventListener('keydown', (event) => {
        window.__probe.watch(no, ms => window.__probe.next = ms - event.timeStamp)
      }, { once: true, capture: true })
    }, no)
    // Down arrow: Slidev's "next slide", past any clicks left on this one.
    await page.keyboard.press('ArrowDown')
    await page.waitForFunction(() => window.__probe.next !== undefined, null, { timeout: 15_000 }).catch(() => {
      throw new Error(`${url}: slide ${no} was not shown within 15 s of the key`)
    })
    times.push(await page.evaluate(() => window.__probe.next!))
    await page.waitForTimeout(700) // let the slide transition finish, as a presenter would
  }
  await context.close()
  return times
}
