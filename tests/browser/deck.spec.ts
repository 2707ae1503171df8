// Every slide of the built SPA, as a visitor's browser shows it: it renders, logs no error,
// asks no other host for anything, fits its canvas in light and dark, and stays brief.
import { expect, type Page, test } from '@playwright/test'
import { loadDeck } from '../support/deck'

const slides = await loadDeck()
const MAX_WORDS = 50

interface Trouble { console: string[], foreign: string[] }

function watch(page: Page, origin: string): Trouble {
  const trouble: Trouble = { console: [], foreign: [] }
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      trouble.console.push(`${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', error => trouble.console.push(`page error: ${error.message}`))
  page.on('requestfailed', request => trouble.console.push(`failed request: ${request.url()}`))
  page.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      trouble.foreign.push(url)
  })
  return trouble
}

/** Opens slide `no` with all its clicks shown and waits until it has finished rendering. */
async function openSlide(page: Page, no: number) {
  await page.goto(`${no}?clicks=999`)
  const slide = page.locator(`[data-slidev-no="${no}"]`)
  await expect(slide).toBeVisible()
  await expect(slide.locator('.slidev-slide-loading')).toHaveCount(0)
  return slide
}

/** Elements of the slide whose box leaves the slide's canvas (in screen pixels). */
async function overflowing(page: Page, no: number): Promise<string[]> {
  return page.locator(`[data-slidev-no="${no}"]`).evaluate((slide) => {
    const canvas = slide.getBoundingClientRect()
    const out: string[] = []
    for (const element of slide.querySelectorAll<HTMLElement>('*')) {
      const box = element.getBoundingClientRect()
      if (box.width === 0 || box.height === 0)
        continue
      if (box.left < canvas.left - 1 || box.top < canvas.top - 1 || box.right > canvas.right + 1 || box.bottom > canvas.bottom + 1)
        out.push(`<${element.tagName.toLowerCase()}> "${(element.textContent ?? '').trim().slice(0, 60)}"`)
    }
    return out
  })
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`in ${scheme} mode`, () => {
    test.use({ colorScheme: scheme })

    for (const { no, title } of slides) {
      test(`slide ${no} "${title}" renders cleanly and fits`, async ({ page, baseURL }) => {
        const trouble = watch(page, new URL(baseURL!).origin)
        const slide = await openSlide(page, no)
        await expect(page.locator('html')).toHaveClass(scheme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/)

        await page.waitForLoadState('networkidle')
        expect(await overflowing(page, no), `slide ${no} (${scheme}): elements past the canvas`).toEqual([])

        const words = (await slide.innerText()).split(/\s+/).filter(word => /\w/.test(word))
        expect(words.length, `slide ${no}: ${words.length} words on the face`).toBeLessThan(MAX_WORDS)

        expect(trouble.console, `slide ${no} (${scheme}): console`).toEqual([])
        expect(trouble.foreign, `slide ${no}: requests to other hosts`).toEqual([])
      })
    }
  })
}

test('the Mermaid diagrams render to SVG without a syntax error', async ({ page }) => {
  const withDiagrams = slides.filter(slide => slide.face.includes('```mermaid'))
  expect(withDiagrams.length).toBeGreaterThan(0)
  for (const { no } of withDiagrams) {
    await openSlide(page, no)
    const diagram = page.locator(`[data-slidev-no="${no}"] .mermaid`).first()
    await expect(diagram.locator('svg')).toBeVisible()
    const text = await diagram.locator('svg').innerHTML()
    expect(text, `slide ${no}`).not.toMatch(/Syntax error/i)
    expect(await diagram.locator('svg .node').count(), `slide ${no}: diagram nodes`).toBeGreaterThan(2)
  }
})

test('the presenter view shows the notes and the next slide', async ({ page }) => {
  const trouble = watch(page, 'http://127.0.0.1')
  await page.goto('presenter/1')
  const firstNote = slides[0].notes.trim().split(/\s+/).slice(0, 6).join(' ')
  await expect(page.locator('.slidev-note')).toContainText(firstNote)
  await expect(page.locator('.grid-section.next [data-slidev-no="2"]')).toBeVisible()
  expect(trouble.console).toEqual([])
})
