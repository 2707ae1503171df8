// What the build cut from the first load (see the README's Performance section) must not cost a
// reader anything: the cut font still has every letter the slides show, and KaTeX's stylesheet
// is left out only when no slide has math.
// Run after `npm run build`.
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import fontverter from 'fontverter'
import { Blob, Face } from 'harfbuzzjs'
import { loadDeck } from '../support/deck'

const slides = await loadDeck()

/** Every slide at once, each in its final state (all clicks shown), from Slidev's print view. */
async function openPrintView(page: Page) {
  await page.goto('print')
  await expect(page.locator('.print-slide-container')).toHaveCount(slides.length, { timeout: 30_000 })
  await page.evaluate(() => document.fonts.ready)
}

/** "U+0000-00FF,U+0131" as [from, to] code point pairs. */
function parseUnicodeRange(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-')
    return [Number.parseInt(from, 16), Number.parseInt(to, 16)]
  })
}

test('the cut Latin font has every character the slides show', async ({ page, request }) => {
  await openPrintView(page)
  const { text, faces } = await page.evaluate(() => ({
    text: [...document.querySelectorAll<HTMLElement>('.slidev-page')].map(slide => slide.innerText).join('\n'),
    faces: [...document.styleSheets].flatMap(sheet => [...sheet.cssRules])
      .filter((rule): rule is CSSFontFaceRule => rule instanceof CSSFontFaceRule)
      .map(rule => ({
        family: rule.style.getPropertyValue('font-family').replace(/['"]/g, ''),
        style: rule.style.getPropertyValue('font-style'),
        src: rule.style.getPropertyValue('src'),
        range: rule.style.getPropertyValue('unicode-range'),
        base: rule.parentStyleSheet!.href ?? location.href,
      })),
  }))
  const latin = faces.filter(face => face.family === 'Inter Variable' && face.style === 'normal'
    && parseUnicodeRange(face.range).some(([from, to]) => from <= 0x41 && 0x41 <= to))
  expect(latin, 'one @font-face for Inter\'s Latin letters').toHaveLength(1)
  const url = new URL(latin[0].src.match(/url\("?([^")]+)"?\)/)![1], latin[0].base).href
  const file = await request.get(url)
  expect(file.ok(), url).toBe(true)
  const face = new Face(new Blob(await fontverter.convert(await file.body(), 'sfnt')))
  const inFont = new Set(face.collectUnicodes())
  const ranges = parseUnicodeRange(latin[0].range)
  const shown = new Set([...text].map(char => char.codePointAt(0)!).filter(code => code > 0x20 && ranges.some(([from, to]) => from <= code && code <= to)))
  expect(shown.size).toBeGreaterThan(60)
  const missing = [...shown].filter(code => !inFont.has(code)).map(code => `${String.fromCodePoint(code)} (U+${code.toString(16).toUpperCase().padStart(4, '0')})`)
  expect(missing, `${url.split('/').pop()} lacks characters a slide shows; deploy/fonts.ts picks them`).toEqual([])
})

test('math appears only with KaTeX\'s stylesheet, which the build leaves out when no slide has math', async ({ page }) => {
  await openPrintView(page)
  const katex = await page.evaluate(() => ({
    rendered: document.querySelectorAll('.slidev-page .katex').length,
    styled: [...document.styleSheets].some(sheet => [...sheet.cssRules].some(rule => rule instanceof CSSStyleRule && rule.selectorText === '.katex')),
  }))
  // Without its stylesheet KaTeX's markup shows each formula twice, once as garbled text.
  if (katex.rendered > 0)
    expect(katex.styled, `${katex.rendered} formulas on the slides, and no KaTeX stylesheet: see usesMath in vite.config.ts`).toBe(true)
})
