import type { Buffer } from 'node:buffer'
// What a visitor's browser does with a built deck: how many bytes arrive before slide 1 is
// visible and how long that takes (cold cache), how many arrive in all once Slidev has preloaded
// the rest, and how long each next slide takes to show after a keypress.
import type { Browser, Page } from 'playwright-chromium'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { COMPRESSIBLE } from '../../hosting/compress.ts'
import { NOT_BEFORE_FIRST_SLIDE } from './budgets.ts'

export type Kind = 'js' | 'css' | 'font' | 'other'
export type Bytes = Record<Kind, { raw: number, gzip: number, br: number }>

export interface LoadRun {
  /** Milliseconds from navigation start to slide 1 on screen: its title shown, in its fonts. */
  firstSlideMs: number
  /** Milliseconds from navigation start to slide 1 drawn by Slidev's client, which then takes keys. */
  liveSlideMs: number
  beforeFirstSlide: Bytes
  /** Libraries found in the code loaded before slide 1 (see NOT_BEFORE_FIRST_SLIDE). */
  forbidden: string[]
  afterPreload: Bytes
  /** Requests to other hosts, blocked (the starter asks for a remote cover image and fonts). */
  blocked: string[]
}

function kindOf(path: string): Kind {
  const ext = extname(path)
  if (ext === '.js' || ext === '.mjs')
    return 'js'
  if (ext === '.css')
    return 'css'
  if (/^\.(?:woff2?|ttf|otf)$/.test(ext))
    return 'font'
  return 'other'
}

const compressedCache = new Map<string, { gzip: number, br: number }>()

/**
 * What a host sends for a file: its precompressed copy (x.gz, x.br, hosting/compress.ts) where
 * the build wrote one, else what a compressing host makes of it (gzip level 6, most hosts'
 * default; brotli at its best quality).
 */
function compressedSizes(file: string, body: Buffer): { gzip: number, br: number } {
  if (!compressedCache.has(file)) {
    const copy = (suffix: string) => existsSync(`${file}${suffix}`)
      ? statSync(`${file}${suffix}`).size
      : undefined
    const compressible = COMPRESSIBLE.has(extname(file))
    compressedCache.set(file, {
      gzip: copy('.gz') ?? (compressible ? gzipSync(body, { level: 6 }).length : body.length),
      br: copy('.br') ?? (compressible
        ? brotliCompressSync(body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
        }).length
        : body.length),
    })
  }
  return compressedCache.get(file)!
}

/** Bytes by kind for URLs of the deck: raw, gzip and brotli. */
function tally(dist: string, urls: string[]): { bytes: Bytes, code: string[] } {
  const bytes: Bytes = {
    js: { raw: 0, gzip: 0, br: 0 },
    css: { raw: 0, gzip: 0, br: 0 },
    font: { raw: 0, gzip: 0, br: 0 },
    other: { raw: 0, gzip: 0, br: 0 },
  }
  const code: string[] = []
  for (const url of new Set(urls)) {
    const path = decodeURIComponent(new URL(url).pathname)
    let file = join(dist, path)
    if (!existsSync(file) || statSync(file).isDirectory())
      file = join(dist, 'index.html') // a route, answered with the app
    const body = readFileSync(file)
    const kind = kindOf(file)
    const { gzip, br } = compressedSizes(file, body)
    bytes[kind].raw += body.length
    bytes[kind].gzip += gzip
    bytes[kind].br += br
    if (kind === 'js')
      code.push(body.toString('utf8'))
  }
  return { bytes, code }
}

interface Probe {
  /** Calls back with the time of the first frame in which Slidev's client shows slide `no`, in its fonts. */
  watch: (no: number, done: (ms: number) => void) => void
  /** When slide 1's title was first on screen in its fonts, whatever drew it. */
  firstSlide?: number
  /** When Slidev's client first showed slide 1. */
  liveSlide?: number
  next: { pressed?: number, shown?: number }
}

/**
 * Runs in every page before the deck's own code, so that slide 1 is watched from the start.
 * "On screen" is what a visitor sees: the title's text laid out in the window, not hidden, not
 * transparent, with the page's fonts loaded; it does not ask which code drew it.
 */
function installProbe(title: string) {
  const normalise = (text: string) => text.replace(/\s+/g, ' ').trim()
  const wanted = normalise(title)
  const fontsReady = () => document.fonts.status === 'loaded'
  const titleOnScreen = () => [...document.querySelectorAll('h1, h2, h3, p, div')].some((element) => {
    if (normalise(element.textContent ?? '') !== wanted || !element.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
      return false
    const box = element.getBoundingClientRect()
    return box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth
  })
  const probe: Probe = {
    watch(no, done) {
      const check = () => {
        const slide = [...document.querySelectorAll(`#slideshow [data-slidev-no="${no}"]`)]
          .find(element => element.getBoundingClientRect().width > 0)
        if (slide && slide.textContent!.trim() !== '' && !slide.querySelector('.slidev-slide-loading') && fontsReady())
          done(performance.now())
        else
          requestAnimationFrame(check)
      }
      check()
    },
    next: {},
  }
  ;(window as unknown as { __probe: Probe }).__probe = probe
  const watchTitle = () => {
    if (titleOnScreen() && fontsReady())
      probe.firstSlide = performance.now()
    else
      requestAnimationFrame(watchTitle)
  }
  requestAnimationFrame(watchTitle)
  requestAnimationFrame(() => probe.watch(1, ms => probe.liveSlide = ms))
}

/** A cold browser context on the deck, with the probe, and requests to other hosts blocked. */
async function openDeck(browser: Browser, url: string, title: string, blocked: string[] = []): Promise<{ page: Page, close: () => Promise<void> }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
  })
  await context.addInitScript(installProbe, title)
  const page = await context.newPage()
  const origin = new URL(url).origin
  await page.route('**/*', (route) => {
    if (route.request().url().startsWith(origin))
      return route.continue()
    blocked.push(route.request().url())
    return route.abort()
  })
  await page.goto(url)
  const shown = (live: boolean) => page.waitForFunction((live) => {
    const { firstSlide, liveSlide } = (window as unknown as { __probe: Probe }).__probe
    return firstSlide !== undefined && (!live || liveSlide !== undefined)
  }, live, { timeout: 60_000 }).then(handle => handle.dispose(), () => {
    throw new Error(`${url}: slide 1 (title "${title}") was not shown${live
      ? ' by Slidev\'s client'
      : ''} within 60 s`)
  })
  await shown(false)
  // Our slide 1 is the build's copy until the visitor's first input starts Slidev's client
  // (hosting/first-screen/first-screen.ts): a visitor's pointer moves as soon as they see it.
  await page.mouse.move(1, 1)
  await shown(true)
  return {
    page,
    close: () => context.close(),
  }
}

/** Waits until Slidev has preloaded the other slides, which it starts a moment after slide 1 shows. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(3000)
  await page.waitForLoadState('networkidle')
}

export async function measureLoad(browser: Browser, url: string, dist: string, title: string): Promise<LoadRun> {
  const blocked: string[] = []
  const { page, close } = await openDeck(browser, url, title, blocked)
  const origin = new URL(url).origin
  const { firstSlideMs, liveSlideMs } = await page.evaluate(() => {
    const probe = (window as unknown as { __probe: Probe }).__probe
    return { firstSlideMs: probe.firstSlide!, liveSlideMs: probe.liveSlide! }
  })
  const loadedBy = (limit: number) => page.evaluate(limit => [
    location.href,
    ...performance.getEntriesByType('resource')
      .filter(entry => (entry as PerformanceResourceTiming).responseEnd <= limit)
      .map(entry => entry.name),
  ], limit)
  const before = tally(dist, (await loadedBy(firstSlideMs)).filter(u => u.startsWith(origin)))
  await settle(page)
  const after = tally(dist, (await loadedBy(Number.POSITIVE_INFINITY)).filter(u => u.startsWith(origin)))
  await close()
  return {
    firstSlideMs,
    liveSlideMs,
    beforeFirstSlide: before.bytes,
    forbidden: Object.entries(NOT_BEFORE_FIRST_SLIDE).filter(([, pattern]) => before.code.some(code => pattern.test(code))).map(([name]) => name),
    afterPreload: after.bytes,
    blocked,
  }
}

/** Milliseconds from each keypress to the next slide shown, over the whole deck, after preload. */
export async function measureNextSlide(browser: Browser, url: string, slides: number, title: string): Promise<number[]> {
  const { page, close } = await openDeck(browser, `${url}1`, title)
  await settle(page)
  const times: number[] = []
  for (let no = 2; no <= slides; no++) {
    // The watch starts in the page's own keydown handler, so the time runs from the keypress.
    await page.evaluate((no) => {
      const probe = (window as unknown as { __probe: Probe }).__probe
      const next: Probe['next'] = probe.next = {}
      window.addEventListener('keydown', (event) => {
        next.pressed = event.timeStamp
        probe.watch(no, ms => next.shown = ms)
      }, { once: true, capture: true })
    }, no)
    // Down arrow: Slidev's "next slide", past any clicks left on this one.
    await page.keyboard.press('ArrowDown')
    const handle = await page.waitForFunction(() => {
      const { next } = (window as unknown as { __probe: Probe }).__probe
      return next.shown !== undefined && { ms: next.shown - next.pressed! }
    }, null, { timeout: 15_000 }).catch(() => {
      throw new Error(`${url}: slide ${no} was not shown within 15 s of the key`)
    })
    times.push((await handle.jsonValue() as { ms: number }).ms)
    await page.waitForTimeout(700) // let the slide transition finish, as a presenter would
  }
  await close()
  return times
}
