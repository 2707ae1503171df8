// The deck proves it is readable: every slide, at every click, in light and dark, fits its
// canvas, stays brief, draws no text under 16 canvas px, has no image without alt text, and
// passes axe-core with no serious or critical violation (contrast included). A failure names
// the slide, scheme, click, rule and element; reports/deck-check/ gets a JSON report of every
// figure and a screenshot of every failing slide.
import type { Page } from '@playwright/test'
import type { AxeViolation, FaceReport } from '../support/checks'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { FONT_PX_TOLERANCE, inspectSlideFace, LIMITS, seriousAxeViolations } from '../support/checks'
import { loadDeck } from '../support/deck'
import { recordState, REPORT_DIR } from '../support/report'

const slides = await loadDeck()

function problemsOf(face: FaceReport, axe: AxeViolation[]): string[] {
  const problems: string[] = []
  for (const overflow of face.overflowing)
    problems.push(`fit: ${overflow}`)
  if (face.words.length >= LIMITS.maxWords)
    problems.push(`words: ${face.words.length} on the face (must be under ${LIMITS.maxWords}): "${face.words.slice(0, 12).join(' ')} …"`)
  if (face.smallest.px < LIMITS.minFontPx - FONT_PX_TOLERANCE)
    problems.push(`type size: ${face.smallest.px.toFixed(1)} px (limit ${LIMITS.minFontPx}) in ${face.smallest.element}`)
  for (const image of face.imagesWithoutAlt)
    problems.push(`alt text: ${image} has none`)
  for (const violation of axe)
    problems.push(`axe ${violation.rule} (${violation.impact}): ${violation.help}, at ${violation.targets.join(', ')}`)
  return problems
}

async function settle(page: Page, no: number) {
  const slide = page.locator(`[data-slidev-no="${no}"]`)
  await expect(slide).toBeVisible()
  await expect(slide.locator('.slidev-slide-loading')).toHaveCount(0)
  await page.waitForLoadState('networkidle')
  // Diagrams draw asynchronously, into a shadow root.
  await page.waitForFunction(n => [...document.querySelectorAll(`[data-slidev-no="${n}"] .mermaid`)].every(host => host.shadowRoot?.querySelector('svg')), no)
}

test('the deck declares its language', async ({ page }) => {
  await page.goto('1')
  await expect(page.locator('html')).toHaveAttribute('lang', /^en/)
})

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    // Reduced motion makes every reveal instant, so each click is checked in its final state.
    test.use({ colorScheme: scheme, reducedMotion: 'reduce' })

    for (const { no, title } of slides) {
      test(`slide ${no} "${title}" fits, reads and passes axe at every click`, async ({ page }) => {
        await page.goto(`${no}`)
        const problems: string[] = []
        for (let click = 0; ; click++) {
          await settle(page, no)
          const selector = `[data-slidev-no="${no}"]`
          const face = await inspectSlideFace(page, selector)
          const axe = await seriousAxeViolations(page, selector)
          const found = problemsOf(face, axe)
          recordState({ slide: no, title, scheme, click, words: face.words.length, smallestPx: Number(face.smallest.px.toFixed(1)), smallestText: face.smallest.text, axe, problems: found })
          if (found.length > 0) {
            await page.screenshot({ path: join(REPORT_DIR, `slide-${String(no).padStart(2, '0')}-${scheme}-click-${click}.png`) })
            problems.push(...found.map(p => `slide ${no} (${scheme}, click ${click}): ${p}`))
          }
          // Advance as a presenter does; the clicks are over when the next slide opens (or, on
          // the last slide, when the key changes nothing).
          const before = page.url()
          await page.keyboard.press('ArrowRight')
          const moved = await page.waitForURL(url => url.href !== before, { timeout: 1500 }).then(() => true, () => false)
          if (!moved || !new URL(page.url()).pathname.endsWith(`/${no}`))
            break
        }
        expect(problems, problems.join('\n')).toEqual([])
      })
    }
  })
}
