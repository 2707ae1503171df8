// Each of the deck's checks, fed a page known to break it: a check that cannot fail here
// would pass anything on the real slides too.
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { CANVAS, inspectSlideFace, seriousAxeViolations } from '../support/checks'

/** A bare slide of Slidev's canvas size holding `body`, in a page with a language. */
async function slideWith(page: Page, body: string) {
  await page.setContent(`<!doctype html><html lang="en"><head><title>check</title></head>
    <body style="margin:0;font:20px sans-serif;color:#111;background:#fff">
    <main><div id="slide" style="position:relative;width:${CANVAS.width}px;height:${CANVAS.height}px;overflow:hidden">${body}</div></main>
    </body></html>`)
}

const GOOD = '<h1 style="font-size:36px">A good slide</h1><p>Few words, large enough, dark on light.</p>'

test('a good slide passes every check', async ({ page }) => {
  await slideWith(page, GOOD)
  const face = await inspectSlideFace(page, '#slide')
  expect(face.overflowing).toEqual([])
  expect(face.words.length).toBeLessThan(20)
  expect(face.smallest.headline?.px).toBe(36)
  expect(face.smallest.body?.px).toBe(20)
  expect(face.headlines).toEqual([
    { text: 'A good slide', lines: 1, lastLineWords: 3 },
  ])
  expect(face.imagesWithoutAlt).toEqual([])
  expect(await seriousAxeViolations(page, '#slide')).toEqual([])
})

test('the word count catches a slide of 80 words', async ({ page }) => {
  await slideWith(page, `<p>${Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ')}</p>`)
  expect((await inspectSlideFace(page, '#slide')).words).toHaveLength(80)
})

test('the word count skips text kept for screen readers only', async ({ page }) => {
  await slideWith(page, `${GOOD}<p style="position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)">${'hidden '.repeat(60)}</p>`)
  expect((await inspectSlideFace(page, '#slide')).words.length).toBeLessThan(20)
})

test('the type-size check catches a 12 px caption, in the page and in an SVG drawn smaller', async ({ page }) => {
  await slideWith(page, `${GOOD}<p style="font-size:12px">A caption</p>`)
  expect((await inspectSlideFace(page, '#slide')).smallest.body).toMatchObject({ text: 'A caption', px: 12 })
  await slideWith(page, `${GOOD}<svg viewBox="0 0 800 100" width="400" height="50"><text x="0" y="40" font-size="20">Shrunk</text></svg>`)
  expect((await inspectSlideFace(page, '#slide')).smallest.label).toMatchObject({ text: 'Shrunk', px: 10 })
  // A drawing letterboxed in a taller box is drawn at the smaller of its two scales.
  await slideWith(page, `${GOOD}<svg viewBox="0 0 800 100" width="800" height="50"><text x="0" y="40" font-size="20">Squeezed</text></svg>`)
  expect((await inspectSlideFace(page, '#slide')).smallest.label).toMatchObject({ text: 'Squeezed', px: 10 })
})

test('the type-size check tells a headline, a label, body text and the footer apart', async ({ page }) => {
  await slideWith(page, `<h1 style="font-size:30px">A small headline</h1><p class="eyebrow" style="font-size:18px">Kicker</p><p style="font-size:22px">Body</p><div data-chrome style="font-size:14px">Footer 3</div>`)
  const { smallest } = await inspectSlideFace(page, '#slide')
  expect(Object.fromEntries(Object.entries(smallest).map(([role, s]) => [role, s.px]))).toEqual({
    headline: 30,
    label: 18,
    body: 22,
    chrome: 14,
  })
})

test('the headline check finds a word alone on the last line', async ({ page }) => {
  await slideWith(page, `<h1 style="font-size:40px;width:600px">Pre-training sets the ceiling today</h1>`)
  expect((await inspectSlideFace(page, '#slide')).headlines[0]).toMatchObject({ lines: 2, lastLineWords: 1 })
  await slideWith(page, `<h1 style="font-size:40px;width:600px;text-wrap:balance">Pre-training sets the ceiling today</h1>`)
  expect((await inspectSlideFace(page, '#slide')).headlines[0].lastLineWords).toBeGreaterThan(1)
})

test('the canvas check measures where the drawn content ends, footer left out', async ({ page }) => {
  await slideWith(page, `${GOOD}<div data-chrome style="position:absolute;bottom:10px">Footer 3</div>`)
  const top = await inspectSlideFace(page, '#slide')
  expect(top.content.bottom).toBeLessThan(CANVAS.height * 0.3)
  await slideWith(page, `${GOOD}<div style="position:absolute;top:440px;left:0;width:600px;height:20px;background:#333"></div>`)
  expect((await inspectSlideFace(page, '#slide')).content.bottom).toBeCloseTo(460, 0)
})

test('the fit check catches an element past the canvas and a box that scrolls', async ({ page }) => {
  await slideWith(page, `${GOOD}<div style="position:absolute;top:500px;height:120px">Falls off the bottom</div>`)
  expect((await inspectSlideFace(page, '#slide')).overflowing).toEqual([
    expect.stringMatching(/Falls off the bottom.*leaves the canvas/),
  ])
  await slideWith(page, `${GOOD}<div style="height:40px;overflow:auto"><p>one</p><p>two</p><p>three</p></div>`)
  expect((await inspectSlideFace(page, '#slide')).overflowing).toEqual([
    expect.stringMatching(/scrolls or clips/),
  ])
})

test('axe catches a grey-on-grey label', async ({ page }) => {
  await slideWith(page, `${GOOD}<p style="color:#999;background:#bbb">Grey on grey</p>`)
  const violations = await seriousAxeViolations(page, '#slide')
  expect(violations.map(v => v.rule)).toContain('color-contrast')
})

test('the alt-text check and axe catch an image without alt text', async ({ page }) => {
  await slideWith(page, `${GOOD}<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="40">`)
  expect((await inspectSlideFace(page, '#slide')).imagesWithoutAlt).toHaveLength(1)
  expect((await seriousAxeViolations(page, '#slide')).map(v => v.rule)).toContain('image-alt')
})
