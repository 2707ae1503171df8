// What a viewer sees of one slide, measured in the browser: the checks the deck must pass on
// every slide, at every click, in light and dark. `inspectFace` runs inside the page (Playwright
// sends its source), so it carries its helpers inside it and imports nothing.
import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/** Slidev's canvas, in its own coordinates (the slide is scaled to fit the window). */
export const CANVAS = { width: 980, height: 552 }
/** A slide face carries fewer than `maxWords` words, and no text under `minFontPx`. */
export const LIMITS = { maxWords: 50, minFontPx: 16 }
/** Rounding in the browser's scale factors: 15.99 px drawn from a 16 px font is 16 px. */
export const FONT_PX_TOLERANCE = 0.05

export interface FaceReport {
  /** Visible elements whose box leaves the canvas, or that scroll or clip their own content. */
  overflowing: string[]
  /** The words a viewer can read (text kept for screen readers only is not counted). */
  words: string[]
  /** The smallest visible text, in canvas px. */
  smallest: { text: string, px: number, element: string }
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
        || style.color === 'rgba(0, 0, 0, 0)')
        return true
    }
    return false
  }

  const canvas = slide.getBoundingClientRect()
  const overflowing: string[] = []
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
  }

  const words: string[] = []
  let smallest = { text: '', px: Number.POSITIVE_INFINITY, element: '' }
  const measure = (root: Node, stop: Node, factor: (holder: Element) => number, count: boolean) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const holder = node.parentElement
      const text = (node.textContent ?? '').trim()
      // <title>, <desc> and <style> are read out or applied, not drawn.
      if (!holder || text === '' || holder.closest('style, title, desc, script') || hidden(holder, stop) || !holder.checkVisibility())
        continue
      if (count)
        words.push(...text.split(/\s+/).filter(word => /\w/.test(word)))
      const px = Number.parseFloat(getComputedStyle(holder).fontSize) * factor(holder)
      if (px < smallest.px)
        smallest = { text: text.slice(0, 50), px, element: describe(holder) }
    }
  }
  // Text in the page: SVG drawn at another size than its viewBox scales its text too.
  const svgFactor = (holder: Element) => {
    const svg = holder.closest('svg')
    if (!svg || !svg.viewBox.baseVal || svg.viewBox.baseVal.width === 0)
      return 1
    return svg.getBoundingClientRect().width / svg.viewBox.baseVal.width / scale
  }
  measure(slide, slide, svgFactor, true)
  // Diagrams draw into open shadow roots (Mermaid): their text counts as drawn, at its scale.
  for (const host of slide.querySelectorAll('.mermaid')) {
    if (host.shadowRoot && !hidden(host, slide))
      measure(host.shadowRoot, host.shadowRoot, svgFactor, false)
  }

  const imagesWithoutAlt = [...slide.querySelectorAll('img')].filter(img => !img.hasAttribute('alt')).map(describe)
  return { overflowing, words, smallest, imagesWithoutAlt }
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

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** axe-core's serious and critical violations within `selector`. */
export async function seriousAxeViolations(page: Page, selector: string): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    // Evaluated from the test, not added as a <script>: the deck's CSP blocks inline scripts.
    await page.evaluate(`${axeSource}\n;undefined`)
  const results = await page.evaluate(async (context) => {
    const axe = (window as unknown as { axe: { run: (context: string, options: object) => Promise<{ violations: { id: string, impact: string, help: string, nodes: { target: string[] }[] }[] }> } }).axe
    return axe.run(context, { resultTypes: ['violations'] })
  }, selector)
  return results.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({ rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))
}
