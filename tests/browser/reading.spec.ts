// The hosted deck for a reader on a phone and for a screen reader: the reading view
// (components/ReadingView.vue; read.html, hosting/reading-view/capture-reading-page.ts), the phone's way into it
// (hosting/reading-view/reading-offer.ts), the live region that speaks slide changes (global-top.vue) and the
// controls a keyboard reaches.
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { builtBase } from '../../scripts/serve-dist'
import { loadDeck } from '../support/deck'

const slides = await loadDeck()
const BASE = builtBase()
/** The first words of a slide's notes, as the reader sees them (no click markers, no markup). */
function notesStart(notes: string) {
  return notes.replace(/\[click(?::\d+)?\]/g, '').replace(/\[([^\]]+)\]\([^)]+\)/g, '$1').replace(/[*_`]/g, '').replace(/<[^>]+>/g, '').trim().split(/\s+/).slice(0, 5).join(' ')
}

/** Text in the reading view smaller than `min` CSS px, outside the slide drawings. */
function smallText(page: Page, min: number) {
  return page.evaluate((min) => {
    const found: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement!
      if (!node.textContent!.trim() || element.closest('.reading-slide-frame, .sr-only, #slidev-goto-dialog, [hidden]') || element.getClientRects().length === 0)
        continue
      if (Number.parseFloat(getComputedStyle(element).fontSize) < min)
        found.push(`${getComputedStyle(element).fontSize}: ${node.textContent!.trim().slice(0, 40)}`)
    }
    return found
  }, min)
}

/** The reading view's article at `width`: every slide and its notes, readable on a phone. */
async function checkArticle(page: Page, width: number, shot: string) {
  const sections = page.locator('main.reading-view > .reading-slide')
  await expect(sections).toHaveCount(slides.length)
  // Each slide in turn scrolled into view, in one call: the live view draws a slide as it nears,
  // and its chunk loads then, which a busy machine can take a while over.
  const read = await sections.evaluateAll(async (all) => {
    const headline = (i: number) => all[i].querySelector(`[data-slidev-no="${i + 1}"] h1`)?.textContent?.trim() ?? ''
    const seen = []
    for (const [i, section] of all.entries()) {
      section.scrollIntoView()
      const deadline = performance.now() + 15_000
      while (!headline(i) && performance.now() < deadline)
        await new Promise(requestAnimationFrame)
      seen.push({
        headline: headline(i),
        notes: section.querySelector('.reading-notes')?.textContent?.replace(/\s+/g, ' ') ?? '',
        width: section.querySelector('.reading-slide-frame')?.getBoundingClientRect().width ?? 0,
      })
    }
    return seen
  })
  for (const slide of slides) {
    const { headline, notes, width: drawn } = read[slide.no - 1]
    expect(headline, `slide ${slide.no}'s headline`).not.toBe('')
    expect(notes, `slide ${slide.no}'s notes`).toContain(notesStart(slide.notes))
    // Drawn at the full width of the article.
    expect(drawn, `slide ${slide.no}'s width`).toBeGreaterThan(width - 40)
  }
  // A diagram's words, a third of their size in the slide, are drawn again under it, laid out
  // for the screen's width, readable.
  const diagrams = page.locator('.reading-extras .narrow-diagram .mermaid')
  await expect(diagrams).toHaveCount(slides.filter(slide => slide.face.includes('```mermaid')).length)
  for (const diagram of await diagrams.all())
    await expect(diagram).toBeVisible()
  const wordsPx = await diagrams.evaluateAll(hosts => hosts.map((host) => {
    const svg = host.shadowRoot!.querySelector('svg')!
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
    return [
      ...host.shadowRoot!.querySelectorAll('.nodeLabel, .edgeLabel, .cluster-label, .taskText, [class^="sectionTitle"]'),
    ].filter(label => label.textContent!.trim()).map(label => Number.parseFloat(getComputedStyle(label).fontSize) * scale)
  }))
  expect(wordsPx.filter(words => words.length === 0), 'diagrams with no words found').toEqual([])
  // 12 px: what Lighthouse's check of legible font sizes asks of a phone page.
  expect(Math.min(...wordsPx.flat()), 'the smallest diagram words, in CSS px').toBeGreaterThanOrEqual(12)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow, 'sideways scroll, in px').toBeLessThanOrEqual(0)
  expect(await smallText(page, 16)).toEqual([])
  await page.screenshot({ path: `test-results/${shot}.png` })
}

for (const width of [390, 320]) {
  test.describe(`the reading view, ${width} px wide`, () => {
    test.use({
      viewport: { width, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 3,
    })

    // In light mode read.html, the page the build drew; in dark mode the live reading view,
    // which Slidev's client draws (as it does from the nav bar's link).
    for (const scheme of ['light', 'dark'] as const) {
      test(`every slide, then its notes, no sideways scrolling, no text under 16 px, diagrams readable (${scheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme })
        await page.goto('read')
        await expect(page.locator('[data-v-app]'), 'the live reading view').toHaveCount(scheme === 'dark'
          ? 1
          : 0)
        await checkArticle(page, width, `reading-${width}-${scheme}`)
      })
    }

    test('a document with one heading per slide', async ({ page }) => {
      await page.goto('read')
      await expect(page.locator('.reading-slide')).toHaveCount(slides.length)
      // Polled: a slide that starts drawing as the page settles is headless for a moment.
      const withoutHeading = () => page.locator('.reading-slide').evaluateAll(sections => sections
        .filter(section => !section.querySelector('h1, h2, h3, [role="heading"]'))
        .map(section => section.id))
      await expect.poll(withoutHeading, { message: 'slides without a heading' }).toEqual([])
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(slides.length)
      // Backup answers ("If asked:") stand apart from what is said: after a rule, smaller, muted.
      // Stage directions are the presenter's: written in the notes, never shown to a reader.
      expect(await page.locator('.reading-notes .stage-direction').count()).toBeGreaterThan(0)
      await expect(page.locator('.reading-notes .stage-direction:visible')).toHaveCount(0)
      const paragraphs = await page.locator('.reading-notes p').evaluateAll(ps => ps.filter(p => p.checkVisibility()).map(p => ({
        backup: p.matches('hr ~ p'),
        text: p.textContent ?? '',
        size: Number.parseFloat(getComputedStyle(p).fontSize),
        color: getComputedStyle(p).color,
      })))
      const [said, backup] = [paragraphs.filter(p => !p.backup), paragraphs.filter(p => p.backup)]
      expect(backup.map(p => p.text.slice(0, 8))).toEqual(slides.flatMap(slide => slide.notes.match(/^If asked/gm) ?? []))
      for (const p of backup)
        expect([p.size < said[0].size, p.color !== said[0].color], p.text).toEqual([true, true])
    })

    test('read#12 opens at slide 12, below the bar', async ({ page }) => {
      await page.goto('read#12')
      const section = page.locator('.reading-slide').nth(11)
      await expect(section).toBeInViewport()
      // The bar stays at the top; the slide starts just under it.
      await expect.poll(async () => {
        const box = await section.boundingBox()
        const bar = await page.locator('.reading-bar').boundingBox()
        return Math.abs(bar!.y) < 1 && box!.y >= bar!.height - 1 && box!.y < bar!.height + 40
      }).toBe(true)
    })
  })
}

test('read.html is the article as the build drew it: read with no script, and no Slidev client loaded', async ({ browser, baseURL, page }) => {
  const still = await browser.newContext({ baseURL, javaScriptEnabled: false })
  const noScript = await still.newPage()
  await noScript.goto('read')
  await expect(noScript.getByRole('heading', { level: 1 })).toHaveCount(slides.length)
  await expect(noScript.locator('.reading-slide [data-slidev-no]')).toHaveCount(slides.length)
  await expect(noScript.locator('.reading-slide-pending')).toHaveCount(0)
  // A slide's controls (the velocity model's sliders) would do nothing without the app.
  await expect(noScript.locator('.reading-slide-frame input')).not.toHaveCount(0)
  await expect(noScript.locator('.reading-slide-frame :is(input, select, textarea, button):enabled')).toHaveCount(0)
  await expect(noScript.locator('.reading-notes')).toHaveCount(slides.filter(slide => slide.notes.trim()).length)
  await still.close()
  const requested: string[] = []
  page.on('request', request => requested.push(new URL(request.url()).pathname))
  await page.goto('read')
  await page.waitForLoadState('networkidle')
  const entry = await page.locator('script[data-app]').getAttribute('data-app')
  expect(entry).toBeTruthy()
  expect(requested).not.toContain(entry)
  await expect(page.locator('[data-v-app]')).toHaveCount(0)
})

test.describe('on a phone in portrait', () => {
  test.use({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 3,
  })

  test('a visitor who opens a slide gets the reading view there, and a way back to the slides', async ({ page }) => {
    await page.goto('7')
    await expect(page).toHaveURL(new RegExp(`${BASE}read#7$`))
    await expect(page.locator('.reading-slide').nth(6)).toBeInViewport()
    await page.getByRole('link', { name: 'View as slides' }).click()
    await expect(page).toHaveURL(new RegExp(`${BASE}\\d+$`))
    await expect(page.locator('#slideshow [data-slidev-no]:visible')).toHaveCount(1)
    // Chosen once, the slides stay for the session, reloads included.
    await page.reload()
    await expect(page).not.toHaveURL(/read/)
  })

  test('slide 1 takes a visitor to read.html, whose link goes back to the slide in view', async ({ page }) => {
    await page.goto('')
    await expect(page).toHaveURL(new RegExp(`${BASE}read#1$`))
    await expect(page.locator('.reading-slide')).toHaveCount(slides.length)
    await expect(page.locator('[data-v-app]'), 'read.html, not the live reading view').toHaveCount(0)
    await page.goto('read#7')
    await expect(page.locator('.reading-slide').nth(6)).toBeInViewport()
    await expect(page.locator('[data-v-app]'), 'read.html, not the live reading view').toHaveCount(0)
    await page.getByRole('link', { name: 'View as slides' }).click()
    await expect(page).toHaveURL(new RegExp(`${BASE}7$`))
    await expect(page.locator('#slideshow [data-slidev-no="7"]')).toBeVisible()
    await page.reload()
    await expect(page).not.toHaveURL(/read/)
  })
})

test('a slide change is announced once, politely: number, total and headline', async ({ page }) => {
  await page.goto('2')
  await expect(page.locator('#slideshow [data-slidev-no="2"]')).toBeVisible()
  const region = page.locator('[role="status"][aria-live="polite"]')
  await expect(region).toHaveCount(1)
  await expect(region).toHaveText('')
  // Through slide 2's clicks to slide 3.
  await expect(async () => {
    await page.keyboard.press('ArrowRight')
    await expect(page).toHaveURL(new RegExp(`${BASE}3$`), { timeout: 500 })
  }).toPass({ timeout: 20_000 })
  await expect(region).toHaveText(`Slide 3 of ${slides.length}: ${slides[2].title}`)
})

test('every control the keyboard reaches is labelled and visible when focused', async ({ page }) => {
  // Slidev fades its nav bar in when a control in it takes focus: without motion, at once.
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.goto('4')
  await expect(page.locator('#slideshow [data-slidev-no="4"]')).toBeVisible()
  const reached: string[] = []
  const problems: string[] = []
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(async () => {
      await new Promise(requestAnimationFrame)
      const element = document.activeElement as HTMLElement | null
      if (!element || element === document.body)
        return null
      // Each element once: the walk ends where Tab comes round again.
      const seen = element.hasAttribute('data-tab-seen')
      element.setAttribute('data-tab-seen', '')
      const name = element.getAttribute('aria-label') ?? element.getAttribute('title') ?? element.textContent?.trim() ?? ''
      const box = element.getBoundingClientRect()
      let opacity = 1
      for (let node: HTMLElement | null = element; node; node = node.parentElement)
        opacity *= Number(getComputedStyle(node).opacity)
      return {
        id: `${element.tagName.toLowerCase()} ${name}`,
        name,
        seen,
        visible: box.width > 0 && box.height > 0 && opacity > 0.5,
      }
    })
    if (!focused)
      continue
    if (focused.seen)
      break
    reached.push(focused.id)
    if (!focused.name)
      problems.push(`${focused.id}: no accessible name`)
    if (!focused.visible)
      problems.push(`${focused.id}: not visible when focused`)
  }
  expect(reached.length, 'controls reached with Tab').toBeGreaterThan(3)
  expect(reached.some(id => id.includes('Read as an article')), reached.join('\n')).toBe(true)
  expect(problems).toEqual([])
})
