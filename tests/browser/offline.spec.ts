// The hosted deck with no network (hosting/offline/pwa.ts): after one online visit, every view opens
// from the service worker's copy. The deck is served here from a copy of dist/ by a server of
// this test's own, which is shut down before going offline, so nothing can reach a network.
import type { BrowserContext, Page } from '@playwright/test'
import type { Server } from 'node:http'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { SERVICE_WORKER_CACHE_CONTROL, SERVICE_WORKER_FILE } from '../../hosting/headers'
import { builtBase, DIST, hostHandler } from '../../scripts/serve-dist'
import { loadDeck } from '../support/deck'
import { expectLiveSlide, startLiveDeck } from '../support/live-deck'

const slides = await loadDeck()
const BASE = builtBase()
const TITLE = String(slides[0].frontmatter.title)
const diagramSlide = slides.find(slide => slide.face.includes('```mermaid'))!.no

/** Serves `dir` as a host with rewrites serves it, on `port` (0: a free one). */
async function serve(dir: string, port = 0): Promise<{ url: string, port: number, server: Server }> {
  const server = createServer(hostHandler('rewrite', dir))
  await new Promise<void>(done => server.listen(port, '127.0.0.1', done))
  const address = server.address() as { port: number }
  return { url: `http://127.0.0.1:${address.port}${BASE}`, port: address.port, server }
}

/** A copy of dist/, served on a port of its own. */
async function serveCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'deck-offline-'))
  cpSync(DIST, dir, { recursive: true })
  return {
    dir,
    ...await serve(dir),
  }
}

async function stop(server: Server) {
  const closed = new Promise(done => server.close(done))
  server.closeAllConnections()
  await closed
}

/** Resolves once the service worker has installed (workbox caches everything first) and runs. */
async function offlineReady(page: Page) {
  // Activated is not enough: until the worker controls the page, the page's own requests (Slidev
  // fetching the other slides) still go to the network.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state), { timeout: 60_000 }).toBe('activated')
}

/** Slide `no` live, its headline drawn from the cached files. */
async function expectSlide(page: Page, no: number) {
  const slide = await expectLiveSlide(page, no)
  await expect(slide.locator('h1').first()).not.toBeEmpty()
}

test.describe('offline', () => {
  // One visit, then every test offline on its page, in one worker.
  test.describe.configure({ mode: 'serial' })
  test.setTimeout(180_000)
  let context: BrowserContext
  let page: Page
  let failed: string[]

  test.beforeAll(async ({ browser }) => {
    const { url, server } = await serveCopy()
    context = await browser.newContext({ baseURL: url, serviceWorkers: 'allow', reducedMotion: 'reduce' })
    page = await context.newPage()
    failed = []
    page.on('requestfailed', request => failed.push(request.url()))
    await page.goto('')
    await startLiveDeck(page)
    await expectSlide(page, 1)
    await offlineReady(page)
    await stop(server)
    await context.setOffline(true)
  })
  test.afterAll(() => context.close())

  test('a deep link opens its slide, and a reload keeps it', async () => {
    await page.goto('9')
    await expectSlide(page, 9)
    await page.reload()
    await expectSlide(page, 9)
    await page.goto(String(slides.length))
    await expectSlide(page, slides.length)
  })

  test('every slide opens, one after the other (the down arrow skips a slide\'s clicks)', async () => {
    await page.goto('1')
    await startLiveDeck(page)
    await expectSlide(page, 1)
    for (let no = 2; no <= slides.length; no++) {
      await page.keyboard.press('ArrowDown')
      await page.waitForURL(url => url.pathname.endsWith(`/${no}`))
      await expectLiveSlide(page, no)
    }
  })

  test('diagrams draw and the fonts load', async () => {
    await page.goto(String(diagramSlide))
    await expectSlide(page, diagramSlide)
    await expect(page.locator(`#slideshow [data-slidev-no="${diagramSlide}"] .mermaid`).first()).toBeVisible()
    await expect.poll(() => page.locator(`#slideshow [data-slidev-no="${diagramSlide}"] .mermaid`).first().evaluate(host => !!host.shadowRoot?.querySelector('svg')), { timeout: 30_000 }).toBe(true)
    await page.evaluate(() => document.fonts.ready)
    const fonts = await page.evaluate(() => [...document.fonts].filter(face => face.status === 'error').map(face => face.family))
    expect(fonts, 'fonts that failed to load').toEqual([])
    expect(await page.evaluate(() => document.fonts.check('700 40px "Inter Variable"'))).toBe(true)
  })

  test('the presenter view and the reading view open', async () => {
    await page.goto('presenter/5')
    await expect(page.locator('.grid-section.main [data-slidev-no="5"]')).toBeVisible()
    await expect(page.locator('.slidev-note')).toContainText(slides[4].notes.trim().split(/\s+/).slice(0, 3).join(' '))
    await page.goto('read')
    await expect(page.locator('.reading-slide')).toHaveCount(slides.length)
    await expect(page.locator('.reading-notes').last()).not.toBeEmpty()
    // read.html from the worker's cache, not index.html and the app drawing it.
    await expect(page.locator('#app[data-reading-page]')).toHaveCount(1)
    await expect(page.locator('[data-v-app]')).toHaveCount(0)
  })

  test('nothing was asked of the network after going offline', () => {
    // Requests fail only when the service worker does not answer them.
    expect(failed).toEqual([])
  })
})

test('a new build reaches a returning visitor on their next visit', async ({ browser }) => {
  test.setTimeout(120_000)
  const first = await serveCopy()
  let server = first.server
  try {
    const context = await browser.newContext({ baseURL: first.url, serviceWorkers: 'allow' })
    const page = await context.newPage()
    await page.goto('')
    await offlineReady(page)
    const swResponse = await page.request.get(SERVICE_WORKER_FILE)
    expect(swResponse.headers()['cache-control']).toBe(SERVICE_WORKER_CACHE_CONTROL)
    await page.close()

    // The next deployment: a changed index.html, so a new service worker listing its revision
    // (without compressed copies, which would be the old files').
    await stop(server)
    const marker = '<meta name="deck-build" content="next">'
    writeFileSync(join(first.dir, 'index.html'), readFileSync(join(first.dir, 'index.html'), 'utf8').replace('</head>', `${marker}</head>`))
    const sw = readFileSync(join(first.dir, SERVICE_WORKER_FILE), 'utf8')
    const updated = sw.replace(/(\{url:"index\.html",revision:")[^"]+"/, '$1next"')
    expect(updated, 'sw.js lists index.html with a revision').not.toBe(sw)
    writeFileSync(join(first.dir, SERVICE_WORKER_FILE), updated)
    for (const file of ['index.html', SERVICE_WORKER_FILE])
      ['.gz', '.br'].forEach(suffix => rmSync(join(first.dir, `${file}${suffix}`), { force: true }))
    server = (await serve(first.dir, first.port)).server

    const next = await context.newPage()
    await next.goto('')
    await expect(next.locator('meta[name="deck-build"]')).toHaveCount(1, { timeout: 30_000 })
    await startLiveDeck(next)
    await expect(next.locator('#slideshow [data-slidev-no="1"]')).toBeVisible()
    await context.close()
  }
  finally {
    await stop(server)
  }
})

test('installable: a manifest with the talk\'s name, its icons and colours', async ({ page, request }) => {
  await page.goto('')
  const href = await page.locator('link[rel="manifest"]').getAttribute('href')
  expect(href).toBeTruthy()
  const manifestUrl = new URL(href!, page.url())
  const manifest = await (await request.get(manifestUrl.href)).json()
  expect(manifest.name).toBe(TITLE)
  expect(manifest.short_name.length).toBeLessThanOrEqual(12)
  expect(manifest.short_name).not.toBe('Slidev')
  expect(manifest.display).toBe('standalone')
  const css = readFileSync(join(import.meta.dirname, '..', '..', 'styles', 'deck.css'), 'utf8')
  expect(css).toContain(`--deck-bg: ${manifest.background_color};`)
  expect(css).toContain(`--deck-accent: ${manifest.theme_color};`)
  const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes)
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']))
  for (const icon of manifest.icons) {
    const response = await request.get(new URL(icon.src, manifestUrl).href)
    expect(response.status(), icon.src).toBe(200)
    expect(response.headers()['content-type'], icon.src).toBe(icon.type)
  }
  expect(new URL(manifest.start_url, manifestUrl).pathname).toBe(BASE)
})
