// What a visitor's browser does with a built deck: how many bytes arrive before slide 1 is
// visible and how long that takes (cold cache), how many arrive in all once Slidev has preloaded
// the rest, and how long each next slide takes to show after a keypress.
import type { Browser, Page } from 'playwright-chromium'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { extname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import sirv from 'sirv'
import { NOT_BEFORE_FIRST_SLIDE } from './budgets.ts'

export type Kind = 'js' | 'css' | 'font' | 'other'
export type Bytes = Record<Kind, { raw: number, gzip: number }>

export interface LoadRun {
  /** Milliseconds from navigation start to slide 1 visible with its fonts. */
  firstSlideMs: number
  beforeFirstSlide: Bytes
  /** Libraries found in the code loaded before slide 1 (see NOT_BEFORE_FIRST_SLIDE). */
  forbidden: string[]
  afterPreload: Bytes
  /** Requests to other hosts, blocked (the starter asks for a remote cover image and fonts). */
  blocked: string[]
}

export interface DeckServer { url: string, close: () => Promise<void> }

/** Serves a built deck at the root, with index.html for any other path, as the hosts do. */
export function serveDeck(dist: string, port: number): Promise<DeckServer> {
  const files = sirv(dist, { single: true, dev: false, etag: true })
  const server: Server = createServer((req, res) => files(req, res))
  return new Promise(resolve => server.listen(port, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise(done => server.close(() => done())),
  })))
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

const gzipCache = new Map<string, number>()

/** Bytes by kind for URLs of the deck, raw and gzip-compressed (level 6, most hosts' default). */
function tally(dist: string, urls: string[]): { bytes: Bytes, code: string[] } {
  const bytes: Bytes = { js: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 }, font: { raw: 0, gzip: 0 }, other: { raw: 0, gzip: 0 } }
  const code: string[] = []
  for (const url of new Set(urls)) {
    const path = decodeURIComponent(new URL(url).pathname)
    let file = join(dist, path)
    if (!existsSync(file) || statSync(file).isDirectory())
      file = join(dist, 'index.html') // a route, answered with the app
    const body = readFileSync(file)
    if (!gzipCache.has(file))
      gzipCache.set(file, gzipSync(body, { level: 6 }).length)
    const kind = kindOf(file)
    bytes[kind].raw += body.length
    bytes[kind].gzip += gzipCache.get(file)!
    if (kind === 'js')
      code.push(body.toString('utf8'))
  }
  return { bytes, code }
}

/** Resolves, in the page, with the time slide `no` is on screen with content and fonts ready. */
function whenSlideShown(page: Page, no: number, timeoutMs = 15_000): Promise<number> {
  return page.evaluate(([no, timeoutMs]) => new Promise<number>((resolve, reject) => {
    const deadline = performance.now() + timeoutMs
    const check = () => {
      if (performance.now() > deadline)
        return reject(new Error(`slide ${no} was not shown within ${timeoutMs} ms (at ${location.pathname})`))
      const slide = [...document.querySelectorAll(`#slideshow [data-slidev-no="${no}"], #slide-content [data-slidev-no="${no}"]`)]
        .find(element => element.getBoundingClientRect().width > 0)
      if (slide && slide.textContent!.trim() !== '' && !slide.querySelector('.slidev-slide-loading') && document.fonts.status === 'loaded')
        resolve(performance.now())
      else
        requestAnimationFrame(check)
    }
    check()
  }), [no, timeoutMs] as const)
}

export async function measureLoad(browser: Browser, url: string, dist: string): Promise<LoadRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  const page = await context.newPage()
  const origin = new URL(url).origin
  const blocked: string[] = []
  await page.route('**/*', (route) => {
    if (route.request().url().startsWith(origin))
      return route.continue()
    blocked.push(route.request().url())
    return route.abort()
  })
  // The watcher starts with the document, so the time it records is the first frame with slide 1.
  await page.addInitScript(() => {
    const check = () => {
      const slide = [...document.querySelectorAll('#slideshow [data-slidev-no="1"], #slide-content [data-slidev-no="1"]')]
        .find(element => element.getBoundingClientRect().width > 0)
      if (slide && slide.textContent!.trim() !== '' && !slide.querySelector('.slidev-slide-loading') && document.fonts.status === 'loaded')
        (window as unknown as { __firstSlide: number }).__firstSlide = performance.now()
      else
        requestAnimationFrame(check)
    }
    requestAnimationFrame(check)
  })
  await page.goto(url)
  await page.waitForFunction(() => (window as unknown as { __firstSlide?: number }).__firstSlide !== undefined, null, { timeout: 60_000 })
  const firstSlideMs = await page.evaluate(() => (window as unknown as { __firstSlide: number }).__firstSlide)
  const loadedBy = (limit: number) => page.evaluate(limit => [
    location.href,
    ...performance.getEntriesByType('resource')
      .filter(entry => (entry as PerformanceResourceTiming).responseEnd <= limit)
      .map(entry => entry.name),
  ], limit)
  const before = tally(dist, (await loadedBy(firstSlideMs)).filter(u => u.startsWith(origin)))
  // Slidev preloads the other slides a moment after the first one shows.
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(3000)
  await page.waitForLoadState('networkidle')
  const after = tally(dist, (await loadedBy(Number.POSITIVE_INFINITY)).filter(u => u.startsWith(origin)))
  await context.close()
  return {
    firstSlideMs,
    beforeFirstSlide: before.bytes,
    forbidden: Object.entries(NOT_BEFORE_FIRST_SLIDE).filter(([, pattern]) => before.code.some(code => pattern.test(code))).map(([name]) => name),
    afterPreload: after.bytes,
    blocked,
  }
}

/** Milliseconds from each keypress to the next slide shown, over the whole deck, after preload. */
export async function measureNextSlide(browser: Browser, url: string, slides: number): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  const page = await context.newPage()
  await page.route('**/*', route => route.request().url().startsWith(new URL(url).origin) ? route.continue() : route.abort())
  await page.goto(`${url}1`)
  await whenSlideShown(page, 1)
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(3000)
  const times: number[] = []
  for (let no = 2; no <= slides; no++) {
    // The watch starts in the page's own keydown handler, so the time runs from the keypress.
    await page.evaluate((no) => {
      const state: { pressed?: number, shown?: number } = {}
      ;(window as unknown as { __next: typeof state }).__next = state
      window.addEventListener('keydown', (event) => {
        state.pressed = event.timeStamp
        const check = () => {
          const slide = [...document.querySelectorAll(`#slideshow [data-slidev-no="${no}"]`)].find(element => element.getBoundingClientRect().width > 0)
          if (slide && slide.textContent!.trim() !== '' && !slide.querySelector('.slidev-slide-loading'))
            state.shown = performance.now()
          else
            requestAnimationFrame(check)
        }
        check()
      }, { once: true, capture: true })
    }, no)
    // Down arrow: Slidev's "next slide", past any clicks left on this one.
    await page.keyboard.press('ArrowDown')
    const handle = await page.waitForFunction(() => {
      const state = (window as unknown as { __next: { pressed?: number, shown?: number } }).__next
      return state.shown !== undefined && { ms: state.shown - state.pressed! }
    }, null, { timeout: 15_000 }).catch(() => {
      throw new Error(`${url}: slide ${no} was not shown within 15 s of the key`)
    })
    times.push((await handle.jsonValue() as { ms: number }).ms)
    await page.waitForTimeout(700) // let the slide transition finish, as a presenter would
  }
  await context.close()
  return times
}
