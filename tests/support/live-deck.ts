// Opening the built deck in a test as a visitor opens it: one slide live, or every slide at once
// in Slidev's print view.
import type { Page } from '@playwright/test'
import { test as base, expect } from '@playwright/test'
import { FIRST_SCREEN_ID } from '../../hosting/first-screen/page-markers'
import { loadDeck } from './deck'

/**
 * Slide 1 opens as the build's copy, and Slidev's client starts at the visitor's first input
 * (hosting/first-screen/first-screen.ts). This is an input that changes nothing else: the pointer moves into
 * the window's top-left corner, away from the deck's controls.
 */
export async function startLiveDeck(page: Page) {
  // The copy paints before the start script has run; an input sent sooner reaches no listener.
  await page.waitForLoadState('domcontentloaded')
  // Two steps: a pointer already at its place (after a reload) sends no move.
  await page.mouse.move(2, 2)
  await page.mouse.move(1, 1)
}

/** Waits until slide `no` is the one slide on screen, drawn by Slidev's client, with the first screen's copy gone. */
export async function expectLiveSlide(page: Page, no: number) {
  const slide = page.locator(`#slideshow [data-slidev-no="${no}"]`)
  await expect(slide).toBeVisible()
  await expect(page.locator(`#slideshow [data-slidev-no]:visible`)).toHaveCount(1)
  await expect(slide.locator('.slidev-slide-loading')).toHaveCount(0)
  await expect(page.locator(`#${FIRST_SCREEN_ID}`)).toHaveCount(0)
  return slide
}

/** Opens slide `no` (`query` e.g. "?clicks=999") and waits until it is live; slide 1 gets the input that starts the client. */
export async function openSlide(page: Page, no: number, query = '') {
  await page.goto(`${no}${query}`)
  if (no === 1)
    await startLiveDeck(page)
  return expectLiveSlide(page, no)
}

/** Every slide at once, each in its final state (all clicks shown), fonts and diagrams drawn, from Slidev's print view. */
export async function openPrintView(page: Page, slides: number) {
  await page.goto('print')
  await expect(page.locator('.print-slide-container')).toHaveCount(slides, { timeout: 30_000 })
  await expect(page.locator('.slidev-slide-loading')).toHaveCount(0)
  await page.waitForLoadState('networkidle')
  await page.evaluate(() => document.fonts.ready)
  await page.waitForFunction(() => [
    ...document.querySelectorAll('.mermaid'),
  ].every(host => host.shadowRoot?.querySelector('svg')))
}

/** `printView`: the print view for tests that only read it, opened once per worker. */
export const test = base.extend<object, { printView: Page }>({
  printView: [async ({ browser }, use, { project }) => {
    const { baseURL, viewport, serviceWorkers } = project.use
    const page = await browser.newPage({ baseURL, viewport, serviceWorkers })
    await openPrintView(page, (await loadDeck()).length)
    await use(page)
    await page.close()
  }, { scope: 'worker' }],
})

/** Presses the right arrow, as a presenter steps, through the current slide's clicks until the address is slide `no`'s ("/7", "/presenter/7"). */
export async function stepToSlide(page: Page, no: number) {
  while (!new URL(page.url()).pathname.endsWith(`/${no}`)) {
    const before = page.url()
    await page.keyboard.press('ArrowRight')
    await page.waitForURL(url => url.href !== before, { timeout: 10_000 })
  }
}
