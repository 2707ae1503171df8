// What a viewer sees of one slide, measured in the browser: the checks the deck must pass on
// every slide, at every click, in light and dark. `inspectFace` runs inside the page (Playwright
// sends its source), so it carries its helpers inside it and imports nothing.
import type { Page } from '@playwright/test'
import type AxeCore from 'axe-core'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { builtBase } from '../../scripts/serve-dist'

/** Slidev's canvas, in its own coordinates (the slide is scaled to fit the window). */
export const CANVAS = { width: 980, height: 552 }

/**
 * What every slide must hold (issue "A talk that looks designed"). Talk slides are all but the
 * appendix (the sources). Type sizes are canvas px, by the role of the text:
 * headline (h1, h2), label (diagrams, charts, the timeline, the eyebrow over a headline),
 * chrome (the footer), body (everything else).
 */
export const LIMITS = {
  talkWordsMax: 40,
  talkWordsMedian: 20,
  appendixWordsMax: 70,
  px: {
    headline: 36,
    label: 20,
    body: 24,
    chrome: 16,
  },
  /** Nothing anywhere, the appendix included, under this. */
  anywherePx: 16,
  /** A content slide's headline (figure and comparison layouts) takes at most this many lines. */
  headlineLines: 2,
  /** Drawn content reaches this share of the height, or its empty bands above and below differ by at most `centredBand`. */
  reach: 0.7,
  centredBand: 0.15,
}
/** Rounding in the browser's scale factors: 15.99 px drawn from a 16 px font is 16 px. */
export const FONT_PX_TOLERANCE = 0.05

export type TextRole = keyof typeof LIMITS.px

export interface FaceReport {
  /** Visible elements whose box leaves the canvas, or that scroll or clip their own content. */
  overflowing: string[]
  /** The words a viewer can read (text kept for screen readers only is not counted). */
  words: string[]
  /** The smallest visible text of each role, in canvas px. */
  smallest: Partial<Record<TextRole, { text: string, px: number, element: string }>>
  /** Each headline's lines, and the words on its last line. */
  headlines: { text: string, lines: number, lastLineWords: number }[]
  /** The drawn content's top and bottom, in canvas px (the footer left out). */
  content: { top: number, bottom: number }
  /** Images without a text alternative. */
  imagesWithoutAlt: string[]
}

export function inspectFace(slide: Element, canvasWidth: number): FaceReport {
  const scale = slide.getBoundingClientRect().width / canvasWidth
  const describe = (element: Element) => {
    const classes = [...element.classList].slice(0, 2).map(c => `.${c}`).join('')
    return `<${element.tagName.toLowerCase()}${classes}> "${(element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50)}"`
  }
  // Hidden from view: not drawn, see-through, or clipped to nothing (screen-reader-only text).
  const hidden = (element: Element | null, stop: Node): boolean => {
    for (let e = element; e && e !== stop; e = e.parentElement) {
      const style = getComputedStyle(e)
      const box = e.getBoundingClientRect()
      if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) < 0.05
        || style.clipPath === 'inset(50%)' || style.clip === 'rect(0px, 0px, 0px, 0px)'
        || (box.width <= 1 && box.height <= 1 && style.overflow === 'hidden')
        || style.color === 'rgba(0, 0, 0, 0)') {
        return true
      }
    }
    return false
  }

  const canvas = slide.getBoundingClientRect()
  const overflowing: string[] = []
  const drawn: DOMRect[] = []
  for (const element of slide.querySelectorAll('*')) {
    const box = element.getBoundingClientRect()
    if (box.width === 0 || box.height === 0 || hidden(element, slide))
      continue
    if (box.left < canvas.left - 1 || box.top < canvas.top - 1 || box.right > canvas.right + 1 || box.bottom > canvas.bottom + 1)
      overflowing.push(`${describe(element)} leaves the canvas`)
    const style = getComputedStyle(element)
    const scrolls = (style.overflowY !== 'visible' && element.scrollHeight > element.clientHeight + 1)
      || (style.overflowX !== 'visible' && element.scrollWidth > element.clientWidth + 1)
    if (scrolls && element.clientHeight > 1 && element.tagName !== 'svg')
      overflowing.push(`${describe(element)} scrolls or clips its content`)
    // Drawn shapes count as content: pictures, inline drawings, and boxes that paint a fill or a
    // border (a timeline bar, a panel's rule). Layout boxes that paint nothing do not.
    if (element.closest('[data-chrome]') || element.classList.contains('slidev-layout'))
      continue
    const paints = style.backgroundColor !== 'rgba(0, 0, 0, 0)' || Number.parseFloat(style.borderTopWidth) > 0 || Number.parseFloat(style.borderLeftWidth) > 0
    if (['IMG', 'CANVAS', 'svg'].includes(element.tagName) || (paints && box.height < canvas.height * 0.9))
      drawn.push(box)
  }
  // A diagram's SVG may be letterboxed in its box: its drawing is what counts.
  for (const host of slide.querySelectorAll('.mermaid')) {
    for (const group of host.shadowRoot?.querySelectorAll(':scope > svg > g') ?? [])
      drawn.push(group.getBoundingClientRect())
  }

  const roleOf = (holder: Element, inDrawing: boolean): 'headline' | 'label' | 'body' | 'chrome' => {
    if (holder.closest('[data-chrome]'))
      return 'chrome'
    // A quotation's heading is set as an eyebrow: a label, though it is an h1.
    if (inDrawing || holder.closest('svg, [data-chart], .career-timeline, .eyebrow'))
      return 'label'
    if (holder.closest('h1, h2'))
      return 'headline'
    return 'body'
  }
  const words: string[] = []
  const smallest: FaceReport['smallest'] = {}
  const measure = (root: Node, stop: Node, factor: (holder: Element) => number, inDrawing: boolean) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const holder = node.parentElement
      const text = (node.textContent ?? '').trim()
      // <title>, <desc> and <style> are read out or applied, not drawn.
      if (!holder || text === '' || holder.closest('style, title, desc, script') || hidden(holder, stop) || !holder.checkVisibility())
        continue
      words.push(...text.split(/\s+/).filter(word => /[\p{L}\p{N}]/u.test(word)))
      const range = document.createRange()
      range.selectNodeContents(node)
      if (!holder.closest('[data-chrome]'))
        drawn.push(range.getBoundingClientRect())
      const px = Number.parseFloat(getComputedStyle(holder).fontSize) * factor(holder)
      const role = roleOf(holder, inDrawing)
      if (px < (smallest[role]?.px ?? Number.POSITIVE_INFINITY)) {
        smallest[role] = {
          text: text.slice(0, 50),
          px,
          element: describe(holder),
        }
      }
    }
  }
  // Text in an SVG is drawn at the SVG's scale: the smaller of its two ratios to the viewBox,
  // since a drawing keeps its proportions inside a box of another shape.
  const svgFactor = (holder: Element) => {
    const svg = holder.closest('svg')
    const viewBox = svg?.viewBox.baseVal
    if (!svg || !viewBox || viewBox.width === 0 || svg.getAttribute('preserveAspectRatio') === 'none')
      return 1
    const box = svg.getBoundingClientRect()
    return Math.min(box.width / viewBox.width, box.height / viewBox.height) / scale
  }
  measure(slide, slide, svgFactor, false)
  // Diagrams draw into open shadow roots (Mermaid): their words and labels count as drawn.
  for (const host of slide.querySelectorAll('.mermaid')) {
    if (host.shadowRoot && !hidden(host, slide))
      measure(host.shadowRoot, host.shadowRoot, svgFactor, true)
  }

  // A headline's lines, from where its words fall.
  const headlines = [
    ...slide.querySelectorAll('h1'),
  ].filter(h => !hidden(h, slide) && h.textContent!.trim()).map((h) => {
    const tops: number[] = []
    const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of (node.textContent ?? '').matchAll(/\S+/g)) {
        const range = document.createRange()
        range.setStart(node, match.index)
        range.setEnd(node, match.index + match[0].length)
        tops.push(Math.round(range.getBoundingClientRect().top))
      }
    }
    const lines = [...new Set(tops)]
    return {
      text: h.textContent!.trim().slice(0, 60),
      lines: lines.length,
      lastLineWords: tops.filter(top => top === lines.at(-1)).length,
    }
  })

  const visible = drawn.filter(box => box.width > 0 && box.height > 0)
  const content = {
    top: (Math.min(...visible.map(box => box.top)) - canvas.top) / scale,
    bottom: (Math.max(...visible.map(box => box.bottom)) - canvas.top) / scale,
  }
  const imagesWithoutAlt = [
    ...slide.querySelectorAll('img'),
  ].filter(img => !img.hasAttribute('alt')).map(describe)
  return { overflowing, words, smallest, headlines, content, imagesWithoutAlt }
}

export async function inspectSlideFace(page: Page, selector: string): Promise<FaceReport> {
  return page.locator(selector).evaluate(inspectFace, CANVAS.width)
}

export interface AxeViolation {
  rule: string
  impact: string
  help: string
  targets: string[]
}

/** axe-core's script, put into a page once per document: it is large, and parsing it again costs more than a run. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** axe-core's serious and critical violations within `selector`. */
export async function seriousAxeViolations(page: Page, selector: string): Promise<AxeViolation[]> {
  if (!await page.evaluate(() => 'axe' in window))
    await page.evaluate(AXE_SOURCE)
  // Only violations are reported in full: the passes are left uncounted.
  const violations = await page.evaluate(async (context) => {
    const { axe } = window as unknown as { axe: typeof AxeCore }
    return (await axe.run(context, {
      resultTypes: ['violations'],
    })).violations
  }, selector)
  return violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({
      rule: v.id,
      impact: v.impact!,
      help: v.help,
      targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5),
    }))
}

export interface Trouble {
  /** Console errors and warnings, page errors, failed requests. */
  console: string[]
  /** Requests to any host but the deck's. */
  foreign: string[]
  /** Requests to the deck's host outside the base path, or with it doubled. */
  outsideBase: string[]
}

/** Collects what goes wrong on `page` from now on, and every request that leaves `origin`. */
export function watchTrouble(page: Page, origin: string): Trouble {
  const trouble: Trouble = { console: [], foreign: [], outsideBase: [] }
  const base = builtBase()
  page.on('console', (message) => {
    // Playwright says so when it blocks the offline worker, as playwright.config.ts has it.
    if (message.text() === 'Service Worker registration blocked by Playwright')
      return
    if (message.type() === 'error' || message.type() === 'warning')
      trouble.console.push(`${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', error => trouble.console.push(`page error: ${error.message}`))
  page.on('requestfailed', request => trouble.console.push(`failed request: ${request.url()}`))
  page.on('request', (request) => {
    const url = request.url()
    if (url.startsWith(origin)) {
      const path = new URL(url).pathname
      if (!path.startsWith(base) || path.startsWith(`${base}${base.slice(1)}`))
        trouble.outsideBase.push(path)
    }
    else if (!url.startsWith('data:') && !url.startsWith('blob:')) {
      trouble.foreign.push(url)
    }
  })
  return trouble
}
