import type { Page } from '@playwright/test'
// The built SPA as a visitor and a presenter use it: Mermaid loads with the diagram slides only;
// diagrams, the timeline and the velocity model behave click by click; the presenter view works
// on every slide; nothing moves with reduced motion. (Every slide at every click, in light and
// dark, is walked once, by quality.spec.ts.)
import { expect, test } from '@playwright/test'
import { milestones } from '../../data/career'
import { chapters, selectMilestones } from '../../logic/career-timeline-layout'
import { DEFAULT_INPUTS, outcome } from '../../logic/velocity-model-maths'
import { inspectSlideFace, watchTrouble } from '../support/checks'
import { loadDeck, mermaidBlocks, timelineSelection } from '../support/deck'
import { openSlide, stepToSlide } from '../support/live-deck'

const slides = await loadDeck()

const diagramSlides = slides.filter(slide => mermaidBlocks(slide.face).length > 0)

/** Mermaid's chunk loads and draws after the slide shows: on a busy CI machine, past the default wait. */
async function waitForDiagram(page: Page, no: number) {
  await expect.poll(() => page.locator(`[data-slidev-no="${no}"] .mermaid`).first().evaluate(host => !!host.shadowRoot?.querySelector('svg')), { message: `slide ${no}: no SVG in the diagram's shadow root`, timeout: 30_000 }).toBe(true)
}

test('the first slide shows without loading Mermaid, which comes with the diagram slides', async ({ page }) => {
  const requested: string[] = []
  page.on('request', request => requested.push(new URL(request.url()).pathname))
  await openSlide(page, 1, '?clicks=999')
  expect(requested.filter(path => /mermaid/i.test(path)), 'requested before slide 1 showed').toEqual([])
  await openSlide(page, diagramSlides[0].no, '?clicks=999')
  await expect.poll(() => requested.filter(path => /mermaid/i.test(path)).length, { message: 'Mermaid on a diagram slide' }).toBeGreaterThan(0)
})

test('the loop diagram shows more of the loop at each click', async ({ page }) => {
  const slide = slides.find(s => s.face.includes('<MermaidFigure :steps'))!
  const steps = JSON.parse(slide.face.match(/<MermaidFigure :steps="([^"]+)"/)![1].replaceAll('\'', '"')) as string[][]
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.goto(`${slide.no}`)
  await waitForDiagram(page, slide.no)
  const visibleNodes = () => page.locator(`[data-slidev-no="${slide.no}"] .mermaid`).evaluate(host =>
    [...host.shadowRoot?.querySelectorAll('g.node') ?? []]
      .filter(node => Number(getComputedStyle(node).opacity) > 0.99)
      .map(node => node.id.match(/flowchart-([A-Za-z0-9]+)-\d+$/)?.[1])
      .sort())
  for (let click = 0; click < steps.length; click++) {
    await expect.poll(visibleNodes, { message: `after ${click} clicks` }).toEqual(steps.slice(0, click + 1).flat().sort())
    await page.keyboard.press('ArrowRight')
  }
  await expect(page).toHaveURL(new RegExp(`/${slide.no + 1}(\\?|$)`))
})

test('the velocity model follows its slider, from the keyboard, without leaving the slide', async ({ page }) => {
  const slide = slides.find(s => s.face.includes('<VelocityModel'))!
  await page.goto(`${slide.no}`)
  const faster = page.locator(`[data-slidev-no="${slide.no}"] .team.faster`)
  const expected = (k: number) => `${k}×: ${Math.round(outcome({ ...DEFAULT_INPUTS, speedup: k }).faster.decisions)} decisions`
  await expect(faster).toHaveText(expected(2))
  const slider = page.getByRole('slider', { name: /^Speed/ })
  await slider.focus()
  await page.keyboard.press('ArrowRight')
  await expect(faster).toHaveText(expected(2.25))
  for (let i = 0; i < 12; i++)
    await page.keyboard.press('ArrowRight')
  await expect(faster).toHaveText(expected(4))
  for (let i = 0; i < 12; i++)
    await page.keyboard.press('ArrowLeft')
  await expect(faster).toHaveText(expected(1))
  await expect(page).toHaveURL(new RegExp(`/${slide.no}(\\?|$)`))
  // Escape hands the keys back to Slidev: the next arrow advances the talk.
  await page.keyboard.press('Escape')
  await expect(slider).not.toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(new RegExp(`/${slide.no}\\?clicks=1`))
})

test('the presenter view of every slide shows its notes and the next slide', async ({ page }) => {
  const trouble = watchTrouble(page, 'http://127.0.0.1')
  // Without the slide transition, each step shows at once.
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.goto('presenter/1')
  for (const { no, notes } of slides) {
    // At any click of slide N: Slidev repeats a key whose release comes a second late, which a
    // busy machine can do.
    await expect(page).toHaveURL(new RegExp(`/presenter/${no}(\\?|$)`))
    const opening = notes.replace(/<[^>]+>|\[click\]/g, '').trim().split(/\s+/).slice(0, 5).join(' ')
    await expect(page.locator('.slidev-note'), `slide ${no}'s notes`).toContainText(opening)
    // Backup answers stand apart, after a rule, smaller and muted.
    if (notes.includes('If asked')) {
      const styles = await page.locator('.slidev-note :is(p:first-child, hr ~ p)').evaluateAll(ps => ps.map((p) => {
        const style = getComputedStyle(p)
        return { size: Number.parseFloat(style.fontSize), color: style.color }
      }))
      const [said, backup] = [styles[0], styles.at(-1)!]
      expect(backup.size, `slide ${no}'s backup`).toBeLessThan(said.size)
      expect(backup.color, `slide ${no}'s backup`).not.toBe(said.color)
    }
    // The next preview shows this slide's next click, or the next slide.
    if (no < slides.length)
      await expect(page.locator(`.grid-section.next :is([data-slidev-no="${no}"], [data-slidev-no="${no + 1}"])`).first(), `slide ${no}'s next preview`).toBeVisible()
    await expect(page.locator(`.grid-section.main [data-slidev-no="${no}"]`)).toBeVisible()
    if (no < slides.length)
      await stepToSlide(page, no + 1)
  }
  // presenter/N is served slide 1's HTML, whose preload of the play route's stylesheet the
  // presenter view never uses: Chromium says so once the page has stayed open a few seconds.
  expect(trouble.console.filter(line => !/was preloaded using link preload but not used/.test(line))).toEqual([])
})

test('the presenter view paces the talk by the plan, on a clock the test moves', async ({ page }) => {
  await page.clock.install()
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.goto('presenter/1')
  const pace = page.getByRole('timer')
  await expect(pace).toHaveText(/^plan \d:\d\d\s*not started$/)
  await expect(pace).toHaveAccessibleName(/^This slide is planned for \d:\d\d; the timer has not started$/)
  // Slidev's timer shows its play and pause buttons on hover; the clock holds animation frames,
  // so the pointer cannot wait for them to settle.
  const timer = page.locator('.slidev-presenter .group:has(.i-carbon\\:renew)')
  await timer.hover({ force: true })
  await timer.locator('.i-carbon\\:play').click({ force: true })
  await expect(pace).toHaveText(/on pace$/)
  await page.clock.fastForward('03:00')
  await expect(pace).toHaveText(/\d:\d\d behind$/)
  await expect(pace.locator('.talk-pace-behind')).toBeVisible()
  // Paused, the pace holds however long the pause.
  await timer.locator('.i-carbon\\:pause').click({ force: true })
  const held = await pace.textContent()
  await page.clock.fastForward('05:00')
  await expect(pace).toHaveText(held!)
  // Far ahead of the plan: slide 20 three minutes in.
  await page.mouse.move(1, 1)
  await stepToSlide(page, 20)
  await expect(pace).toHaveText(/\d:\d\d ahead$/)
  await expect(pace.locator('.talk-pace-behind')).toHaveCount(0)
})

test('with reduced motion, nothing on the slides transitions or animates', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  const moving = () => page.evaluate(() => [...document.querySelectorAll('#slideshow *, #slideshow')]
    .filter((e) => {
      const style = getComputedStyle(e)
      const seconds = (value: string) => Math.max(...value.split(',').map(v => Number.parseFloat(v) || 0))
      return seconds(style.transitionDuration) > 0 || (style.animationName !== 'none' && seconds(style.animationDuration) > 0)
    })
    .map(e => `<${e.tagName.toLowerCase()} class="${e.getAttribute('class') ?? ''}">`)
    .slice(0, 5))
  for (const slide of slides.filter(s => /<CareerTimeline|<MermaidFigure :steps|<VelocityModel/.test(s.face))) {
    await openSlide(page, slide.no, '?clicks=999')
    await page.keyboard.press('ArrowRight')
    expect(await moving(), `slide ${slide.no}`).toEqual([])
  }
  await page.emulateMedia({ reducedMotion: 'no-preference' })
  await openSlide(page, slides.find(s => s.face.includes('<CareerTimeline'))!.no, '?clicks=999')
  expect((await moving()).length, 'without the preference, the reveals do animate').toBeGreaterThan(0)
})

/** Pairs of timeline labels (and dates) on screen whose boxes intersect. */
async function overlappingLabels(page: Page, no: number): Promise<string[]> {
  return page.locator(`[data-slidev-no="${no}"] .career-timeline`).evaluate((timeline) => {
    const boxes = [...timeline.querySelectorAll('.item .label, .item .when, .lane-label, .tick')]
      .filter(element => Number(getComputedStyle(element.closest('.item') ?? element).opacity) > 0)
      .map(element => ({
        text: element.textContent?.trim() ?? '',
        box: element.getBoundingClientRect(),
      }))
      .filter(({ text }) => text !== '')
    const pairs: string[] = []
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i].box, boxes[j].box]
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
          pairs.push(`"${boxes[i].text}" / "${boxes[j].text}"`)
      }
    }
    return pairs
  })
}

const timelineSlides = slides.filter(slide => slide.face.includes('<CareerTimeline'))

test('the timeline slides exist', () => {
  expect(timelineSlides.length).toBeGreaterThan(0)
})

for (const scheme of ['light', 'dark'] as const) {
  for (const { no, face } of timelineSlides) {
    test(`timeline slide ${no} (${scheme}) reveals one chapter per click and fits at every click`, async ({ page }) => {
      // Reduced motion shows each chapter at once; that the reveals animate otherwise is checked above.
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' })
      const story = chapters(selectMilestones(milestones, timelineSelection(face)))
      // A timeline drawn with :reveal="false" shows everything at once and takes no click.
      const steps = face.includes(':reveal="false"')
        ? [
            story.flat(),
          ]
        : story
      await page.goto(`${no}`)
      const items = page.locator(`[data-slidev-no="${no}"] .career-timeline .item`)
      const onScreen = () => items.evaluateAll(all => all
        .filter(item => Number(getComputedStyle(item).opacity) > 0.99)
        .map(item => item.getAttribute('data-milestone'))
        .sort())
      for (let click = 0; click < steps.length; click++) {
        const expected = steps.slice(0, click + 1).flat().map(m => m.id).sort()
        await expect.poll(onScreen, { message: `slide ${no}, ${scheme}, after ${click} clicks: milestones on screen` }).toEqual(expected)
        expect((await inspectSlideFace(page, `[data-slidev-no="${no}"]`)).overflowing, `slide ${no} (${scheme}) after ${click} clicks`).toEqual([])
        expect(await overlappingLabels(page, no), `slide ${no} (${scheme}) after ${click} clicks: labels drawn over each other`).toEqual([])
        await page.keyboard.press('ArrowRight')
      }
      // One more press leaves the slide: the clicks were exactly the chapters after the first.
      await expect(page).toHaveURL(new RegExp(`/${no + 1}(\\?|$)`))
    })
  }
}
