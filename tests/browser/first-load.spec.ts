// The first load, as a visitor following a link gets it (see docs/loading.md):
// - slide 1 is in the HTML (hosting/first-screen/capture-first-screen.ts) and looks like the live slide that replaces
//   it, on a laptop and on a phone; Slidev's client waits for the visitor's first input (or the
//   presenter's first move) and acts on it; the copy goes once the live slide shows, and never
//   covers any other view or slide;
// - what the build cut costs a reader nothing: the cut font still has every letter the slides
//   show, and KaTeX's stylesheet is left out only when no slide has math.
// Run after `npm run build`.
import type { Browser } from '@playwright/test'
import { expect } from '@playwright/test'
import fontverter from 'fontverter'
import { Blob, Face } from 'harfbuzzjs'
import { FIRST_SCREEN_ID } from '../../hosting/first-screen/page-markers'
import { loadDeck } from '../support/deck'
import { meanDifference } from '../support/images'
import { expectLiveSlide, startLiveDeck, test } from '../support/live-deck'

const slides = await loadDeck()
const FIRST_SCREEN = `#${FIRST_SCREEN_ID}`
const TITLE = slides[0].title!

/** A page with JavaScript off: what the browser draws from the HTML and CSS alone. */
async function withoutScripts(browser: Browser, baseURL: string, options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext({ ...options, baseURL, javaScriptEnabled: false })
  return {
    page: await context.newPage(),
    close: () => context.close(),
  }
}

test.describe('the first screen', () => {
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ]) {
    test(`shows slide 1 before any script has run, as the live deck draws it, at ${viewport.width}x${viewport.height}`, async ({ browser, baseURL, page }) => {
      const still = await withoutScripts(browser, baseURL!, { viewport, colorScheme: 'light' })
      await still.page.goto('')
      await expect(still.page.getByRole('heading', { name: TITLE, includeHidden: true })).toBeInViewport()
      await still.page.evaluate(() => document.fonts.ready)
      await page.setViewportSize(viewport)
      await page.emulateMedia({ colorScheme: 'light' })
      const live = async (no: number) => {
        // ?slides: a phone in portrait is otherwise taken on to the reading view (setup/routes.ts).
        await page.goto(`${no}?slides`)
        if (no === 1)
          await startLiveDeck(page)
        await expectLiveSlide(page, no)
        await page.waitForLoadState('networkidle')
        return page.locator('#slide-content').boundingBox()
      }
      const box = (await live(1))!
      // The slide's box on screen, not the nav bar, which a phone shows under the slide.
      const clip = {
        x: Math.round(box.x),
        y: Math.round(box.y),
        width: Math.floor(box.width),
        height: Math.floor(box.height),
      }
      const liveShot = await page.screenshot({ clip, animations: 'disabled' })
      const stillShot = await still.page.screenshot({ clip, animations: 'disabled' })
      await live(2)
      const otherShot = await page.screenshot({ clip, animations: 'disabled' })
      await still.close()
      await page.goto('about:blank')
      const toLive = await meanDifference(page, stillShot, liveShot)
      const toOther = await meanDifference(page, stillShot, otherShot)
      expect(typeof toLive === 'number' && toLive < 2, `first screen vs live slide 1: ${toLive}`).toBe(true)
      expect(typeof toOther === 'number' && toOther > 3 * (toLive as number), `first screen vs live slide 2: ${toOther}`).toBe(true)
    })
  }

  test('goes once the live slide is on screen, leaving one title and no repeated ids', async ({ page, request }) => {
    // The copy carries no ids of its own, so none can clash with the live deck's while both are up.
    const html = await (await request.get('')).text()
    const opening = `<div id="${FIRST_SCREEN_ID}"`
    const copy = html.slice(html.indexOf(opening) + opening.length, html.indexOf('<div id="app">'))
    expect(copy).toContain(TITLE)
    expect(copy.match(/\sid="[^"]*"/g) ?? [], 'ids in the copy').toEqual([])
    expect(copy, 'a slide number on the copy').not.toContain('data-slidev-no')
    await page.goto('')
    await startLiveDeck(page)
    await expectLiveSlide(page, 1)
    await expect(page.getByRole('heading', { name: TITLE })).toHaveCount(1)
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map(element => element.id))
    expect(ids.filter((id, i) => ids.indexOf(id) !== i), 'ids found twice').toEqual([])
  })

  test('on a computer, Slidev\'s client starts once the page has loaded, before any input', async ({ page }) => {
    await page.goto('')
    await expectLiveSlide(page, 1)
    const { entryStart, loaded } = await page.evaluate(() => {
      const entry = document.querySelector('script[data-app]')!.getAttribute('data-app')!
      return {
        entryStart: performance.getEntriesByName(new URL(entry, location.href).href)[0]?.startTime,
        loaded: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart,
      }
    })
    expect(entryStart, 'Slidev\'s entry, requested after the load event').toBeGreaterThanOrEqual(loaded)
  })

  test.describe('on a tablet or a phone (no mouse)', () => {
    test.use({
      viewport: { width: 1024, height: 768 },
      isMobile: true,
      hasTouch: true,
    })

    test('holds Slidev\'s client until the first input, and acts on every key pressed before it is up', async ({ page }) => {
      const requested: string[] = []
      page.on('request', request => requested.push(new URL(request.url()).pathname))
      await page.goto('')
      await page.waitForLoadState('networkidle')
      const entry = await page.locator('script[data-app]').getAttribute('data-app')
      expect(entry, 'Slidev\'s entry, in the start script').toMatch(/\/assets\/index-[\w-]+\.js$/)
      expect(requested, 'requests before any input').not.toContain(entry)
      await expect(page.locator('#slideshow')).toHaveCount(0)
      // Until then the copy is the page, and a screen reader reads it.
      await expect(page.getByRole('heading', { name: TITLE })).toBeVisible()
      // Two keys at once, before the live deck is up: both count (slide 2 has no clicks).
      await page.keyboard.press('ArrowRight')
      await page.keyboard.press('ArrowRight')
      await expect(page).toHaveURL(/\/3$/)
      await expectLiveSlide(page, 3)
      expect(requested).toContain(entry)
    })

    test('opens where the presenter view in another window is, at its first move', async ({ context, page }) => {
      const presenter = await context.newPage()
      await presenter.goto('presenter/3')
      await expect(presenter.locator('.grid-section.main [data-slidev-no="3"]')).toBeVisible()
      await page.goto('')
      await page.waitForLoadState('networkidle')
      await expect(page.locator('#slideshow')).toHaveCount(0)
      await presenter.keyboard.press('ArrowRight')
      await expect(presenter).toHaveURL(/presenter\/\d+/)
      const slideOf = (url: string) => Number(new URL(url).pathname.split('/').pop())
      await expect.poll(() => slideOf(page.url()), { timeout: 20_000 }).toBe(slideOf(presenter.url()))
      await expectLiveSlide(page, slideOf(presenter.url()))
      await presenter.keyboard.press('ArrowRight')
      await expect.poll(() => slideOf(page.url()), { timeout: 20_000 }).toBe(slideOf(presenter.url()))
    })
  })

  test('is only in the pages that open on slide 1', async ({ request }) => {
    const has = async (path: string) => (await (await request.get(path)).text()).includes(`id="${FIRST_SCREEN_ID}"`)
    expect(await has('')).toBe(true)
    expect(await has('1')).toBe(true)
    for (const path of [
      '2',
      `${slides.length}`,
      'presenter/1',
      '404.html',
    ])
      expect(await has(path), path).toBe(false)
  })

  test('never covers another view that a host answered with index.html', async ({ page }) => {
    for (const view of ['overview', `${slides.length + 5}`, '1?print']) {
      await page.goto(view)
      await page.waitForLoadState('networkidle')
      await expect(page.locator(FIRST_SCREEN), view).toHaveCount(0)
    }
  })

  test('is not shown to a visitor in dark mode, whose deck the script turns dark', async ({ browser, baseURL, page }) => {
    const still = await withoutScripts(browser, baseURL!, { colorScheme: 'dark' })
    await still.page.goto('')
    await expect(still.page.locator(FIRST_SCREEN)).toBeAttached()
    await expect(still.page.locator(FIRST_SCREEN)).toBeHidden()
    await still.close()
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.goto('')
    await expectLiveSlide(page, 1)
  })
})

/** "U+0000-00FF,U+0131" as [from, to] code point pairs. */
function parseUnicodeRange(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-')
    return [
      Number.parseInt(from, 16),
      Number.parseInt(to, 16),
    ]
  })
}

test('the cut Latin font has every character the slides show', async ({ printView, request }) => {
  const { text, faces } = await printView.evaluate(() => ({
    text: [
      ...document.querySelectorAll<HTMLElement>('.slidev-page'),
    // innerText: the characters the slides show, not those hidden by CSS.
    // eslint-disable-next-line unicorn/prefer-dom-node-text-content
    ].map(slide => slide.innerText).join('\n'),
    faces: [...document.styleSheets].flatMap(sheet => [...sheet.cssRules]).filter((rule): rule is CSSFontFaceRule => rule instanceof CSSFontFaceRule).map(rule => ({
      family: rule.style.getPropertyValue('font-family').replace(/['"]/g, ''),
      style: rule.style.getPropertyValue('font-style'),
      src: rule.style.getPropertyValue('src'),
      range: rule.style.getPropertyValue('unicode-range'),
      base: rule.parentStyleSheet!.href ?? location.href,
    })),
  }))
  const latin = faces.filter(face => face.family === 'Inter Variable' && face.style === 'normal'
    && parseUnicodeRange(face.range).some(([from, to]) => from <= 0x41 && to >= 0x41))
  const urls = [...new Set(latin.map(face => new URL(face.src.match(/url\("?([^")]+)"?\)/)![1], face.base).href))]
  expect(urls, 'one file for Inter\'s Latin letters').toHaveLength(1)
  const url = urls[0]
  const file = await request.get(url)
  expect(file.ok(), url).toBe(true)
  const face = new Face(new Blob(await fontverter.convert(await file.body(), 'sfnt')))
  const inFont = new Set(face.collectUnicodes())
  const ranges = parseUnicodeRange(latin[0].range)
  const shown = new Set([...text].map(char => char.codePointAt(0)!).filter(code => code > 0x20 && ranges.some(([from, to]) => from <= code && code <= to)))
  expect(shown.size).toBeGreaterThan(60)
  const missing = [...shown].filter(code => !inFont.has(code)).map(code => `${String.fromCodePoint(code)} (U+${code.toString(16).toUpperCase().padStart(4, '0')})`)
  expect(missing, `${url.split('/').pop()} lacks characters a slide shows; hosting/font-subset.ts picks them`).toEqual([])
})

test('math appears only with KaTeX\'s stylesheet, which the build leaves out when no slide has math', async ({ printView }) => {
  // The essay's figures are money: they show as written, dollar signs included.
  await expect(printView.locator('.slidev-page').filter({ hasText: '$852 billion' }).first()).toBeVisible()
  const katex = await printView.evaluate(() => ({
    rendered: document.querySelectorAll('.slidev-page .katex').length,
    styled: [...document.styleSheets].some(sheet => [...sheet.cssRules].some(rule => rule instanceof CSSStyleRule && rule.selectorText === '.katex')),
  }))
  // Without its stylesheet KaTeX's markup shows each formula twice, once as garbled text.
  if (katex.rendered > 0)
    expect(katex.styled, `${katex.rendered} formulas on the slides, and no KaTeX stylesheet: see hosting/unused-features/unused-features.ts`).toBe(true)
})
