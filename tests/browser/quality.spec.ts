// The one walk over every slide, at every click, in light and dark, as a presenter steps
// through it, under the CSP the host sends: each renders in its colour scheme with no console
// error (a CSP breach is one), failed request, or request to another host or outside the base
// path; its diagrams draw without a syntax error, and it proves readable and designed: it fits
// its canvas, stays brief (few words on talk slides, more on the appendix), draws its type at the
// sizes LIMITS sets for each role, balances its headlines, fills its canvas or centres its
// content, has no image without alt text, and passes axe-core with no serious or critical
// violation (contrast included). A failure names the slide, scheme, click, rule and element;
// reports/deck-check/ gets a JSON report of every figure and a screenshot of every failing slide.
import type { Page } from '@playwright/test'
import type { AxeViolation, FaceReport, TextRole } from '../support/checks'
import { join } from 'node:path'
import { expect } from '@playwright/test'
import { CANVAS, FONT_PX_TOLERANCE, inspectSlideFace, LIMITS, seriousAxeViolations, watchTrouble } from '../support/checks'
import { loadDeck } from '../support/deck'
import { expectLiveSlide, openSlide, test } from '../support/live-deck'
import { recordState, REPORT_DIR } from '../support/report'

const slides = await loadDeck()
const isAppendix = (no: number) => slides[no - 1].frontmatter.layout === 'appendix'
/** Slides that make a claim and show its evidence: their headline is a sentence of two lines at most. */
const isContent = (no: number) => ['figure', 'comparison', undefined].includes(slides[no - 1].frontmatter.layout as string | undefined) && no > 1

function problemsOf(no: number, face: FaceReport, axe: AxeViolation[]): string[] {
  const problems: string[] = []
  for (const overflow of face.overflowing)
    problems.push(`fit: ${overflow}`)
  const maxWords = isAppendix(no) ? LIMITS.appendixWordsMax : LIMITS.talkWordsMax
  if (face.words.length > maxWords)
    problems.push(`words: ${face.words.length} on the face (at most ${maxWords}): "${face.words.slice(0, 12).join(' ')} …"`)
  for (const [role, smallest] of Object.entries(face.smallest) as [TextRole, NonNullable<FaceReport['smallest'][TextRole]>][]) {
    const limit = isAppendix(no) ? LIMITS.anywherePx : LIMITS.px[role]
    if (smallest.px < limit - FONT_PX_TOLERANCE)
      problems.push(`type size: ${role} text at ${smallest.px.toFixed(1)} px (at least ${limit}) in ${smallest.element}`)
  }
  for (const headline of face.headlines) {
    if (headline.lines > 1 && headline.lastLineWords < 2)
      problems.push(`headline: "${headline.text}" leaves one word alone on its last line`)
    if (isContent(no) && headline.lines > LIMITS.headlineLines)
      problems.push(`headline: "${headline.text}" takes ${headline.lines} lines (at most ${LIMITS.headlineLines})`)
  }
  const above = face.content.top
  const below = CANVAS.height - face.content.bottom
  if (face.content.bottom < LIMITS.reach * CANVAS.height && Math.abs(above - below) > LIMITS.centredBand * CANVAS.height)
    problems.push(`canvas: the content ends at ${Math.round(face.content.bottom / CANVAS.height * 100)} % of the height and is not centred (${Math.round(above)} px above, ${Math.round(below)} px below)`)
  for (const image of face.imagesWithoutAlt)
    problems.push(`alt text: ${image} has none`)
  for (const violation of axe)
    problems.push(`axe ${violation.rule} (${violation.impact}): ${violation.help}, at ${violation.targets.join(', ')}`)
  return problems
}

/** Slide `no` live and drawn: its diagrams draw asynchronously, into a shadow root. */
async function settle(page: Page, no: number) {
  await expectLiveSlide(page, no)
  await page.waitForFunction(n => [
    ...document.querySelectorAll(`[data-slidev-no="${n}"] .mermaid`),
  ].every(host => host.shadowRoot?.querySelector('svg')), no)
}

/** The deck in runs of slides, each walked in one page: a page's first axe run costs the most. */
const RUN_LENGTH = 10
const runs = Array.from({
  length: Math.ceil(slides.length / RUN_LENGTH),
}, (_, i) => slides.slice(i * RUN_LENGTH, (i + 1) * RUN_LENGTH))

test('the deck declares its language', async ({ page }) => {
  await page.goto('1')
  await expect(page.locator('html')).toHaveAttribute('lang', /^en/)
})

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    // Reduced motion makes every reveal instant, so each click is checked in its final state.
    test.use({ colorScheme: scheme, reducedMotion: 'reduce' })

    for (const run of runs) {
      const [from, to] = [run[0].no, run.at(-1)!.no]
      test(`slides ${from} to ${to} render cleanly, fit, read and pass axe at every click`, async ({ page, baseURL }) => {
        const trouble = watchTrouble(page, new URL(baseURL!).origin)
        await openSlide(page, from)
        await expect(page.locator('html')).toHaveClass(scheme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/)
        const problems: string[] = []
        for (const { no, title } of run) {
          for (let click = 0; ; click++) {
            await settle(page, no)
            const selector = `[data-slidev-no="${no}"]`
            const face = await inspectSlideFace(page, selector)
            const axe = await seriousAxeViolations(page, selector)
            const found = problemsOf(no, face, axe)
            const diagramText = await page.locator(`${selector} .mermaid`).evaluateAll(hosts => hosts.map(host => host.shadowRoot?.textContent ?? '').join(' '))
            if (/Syntax error/i.test(diagramText))
              found.push('diagram: Mermaid could not read it (syntax error)')
            const smallest = Object.values(face.smallest).sort((a, b) => a.px - b.px)[0]
            recordState({
              slide: no,
              title,
              scheme,
              click,
              appendix: isAppendix(no),
              words: face.words.length,
              smallestPx: Number(smallest.px.toFixed(1)),
              smallestText: smallest.text,
              bodyPx: face.smallest.body ? Number(face.smallest.body.px.toFixed(1)) : null,
              axe,
              problems: found,
            })
            if (found.length > 0) {
              await page.screenshot({
                path: join(REPORT_DIR, `slide-${String(no).padStart(2, '0')}-${scheme}-click-${click}.png`),
              })
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
        }
        problems.push(...trouble.console.map(message => `slides ${from} to ${to} (${scheme}): console: ${message}`))
        problems.push(...trouble.foreign.map(url => `slides ${from} to ${to} (${scheme}): request to another host: ${url}`))
        problems.push(...trouble.outsideBase.map(path => `slides ${from} to ${to} (${scheme}): request outside the base path, or doubling it: ${path}`))
        expect(problems, problems.join('\n')).toEqual([])
      })
    }
  })
}

test(`the talk slides carry ${LIMITS.talkWordsMedian} words or fewer, at the median`, async ({ printView }) => {
  // Each slide's words at its last click, as the print view shows every slide.
  const counts: number[] = []
  for (const { no } of slides.filter(s => !isAppendix(s.no)))
    counts.push((await inspectSlideFace(printView, `.print-slide-container [data-slidev-no="${no}"]`)).words.length)
  counts.sort((a, b) => a - b)
  const median = counts.length % 2
    ? counts[(counts.length - 1) / 2]
    : (counts[counts.length / 2 - 1] + counts[counts.length / 2]) / 2
  expect(median, `words per talk slide: ${counts.join(', ')}`).toBeLessThanOrEqual(LIMITS.talkWordsMedian)
})
