// The two PDFs, printed by Chromium from a running deck: the slides from Slidev's print view, the
// handout from the reading view on A4. Chromium tags them and builds the outline, which Slidev's
// exporter does not ask for; a slide that failed to draw stops the export with its number.
import type { Page } from 'playwright-chromium'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { load, resolveConfig } from '@slidev/parser/fs'
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName } from 'pdf-lib'

export type PrintKind = 'slides' | 'handout'

export type DeckInfo = Awaited<ReturnType<typeof readDeckInfo>>

export class ExportError extends Error {
  override name = 'ExportError'
}

/** What the exports need to know of the deck, read from slides.md and its pages. */
export async function readDeckInfo(root: string) {
  const entry = join(root, 'slides.md')
  const { headmatter, slides } = await load({ roots: [root], userRoot: root }, entry)
  const config = resolveConfig(headmatter)
  const field = (name: string) => {
    const value = headmatter[name]
    if (typeof value !== 'string' || value.trim() === '')
      throw new ExportError(`${entry}: headmatter field "${name}" is missing; the exported files are named and described by it`)
    return value.trim()
  }
  const timeout: unknown = config.export.timeout ?? 30_000 // Slidev's own default
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0)
    throw new ExportError(`${entry}: headmatter field "export.timeout" is ${JSON.stringify(timeout)}; it takes a number of milliseconds, such as 180000`)
  return {
    title: field('title'),
    author: field('author'),
    subject: field('info').replace(/\s+/g, ' '),
    keywords: field('keywords').split(',').map(word => word.trim()).filter(Boolean),
    exportFilename: field('exportFilename'),
    timeout, // in ms: how long a page may take to load and draw
    width: config.canvasWidth, // the slide canvas, in CSS px
    height: Math.round(config.canvasWidth / config.aspectRatio),
    levels: slides.map(slide => slide.level ?? 1), // each slide's outline level, by slide number - 1
  }
}

export function pdfName(kind: PrintKind, deck: DeckInfo): string {
  return kind === 'slides' ? `${deck.exportFilename}.pdf` : `${deck.exportFilename}-handout.pdf`
}

/** A slide not drawn yet: it shows SlideLoading, or at first nothing, which a wait for no loading sign misses. */
export const UNDRAWN_SLIDE = '.slidev-page:not(:has(> :not(.slidev-slide-loading)))'

/** Mermaid draws a diagram in well under a second: one still missing by then failed. */
const DIAGRAM_TIMEOUT_MS = 20_000
/** The A4 page's text width (210 mm less the handout's 15 mm margins), in CSS px. */
const A4_TEXT_WIDTH_PX = Math.floor((210 - 30) / 25.4 * 96)

/** Waits until every slide has drawn, then checks each one; throws naming the slides that fail. */
async function checkSlides(page: Page, deck: DeckInfo) {
  await page.locator(UNDRAWN_SLIDE).first().waitFor({ state: 'detached', timeout: deck.timeout })
  // A diagram is done once its shadow root holds the drawing; one Mermaid cannot read is
  // replaced by Slidev's error message, which the checks below name.
  await page.waitForFunction(() => [...document.querySelectorAll('.mermaid')]
    .every(host => host.shadowRoot?.querySelector('svg')), undefined, { timeout: DIAGRAM_TIMEOUT_MS }).catch(() => {})
  await page.evaluate(() => document.fonts.ready)
  const problems = await page.evaluate(() => {
    const found: string[] = []
    const unquote = (family: string) => family.trim().replace(/^["']|["']$/g, '')
    const faces = [...document.fonts].map((face) => {
      const [low, high = low] = face.weight.split(' ').map(Number)
      // The weights a face draws without looking wrong: its own, give or take a step.
      return { family: unquote(face.family), min: low - 100, max: high + 100, loaded: face.status === 'loaded' }
    })
    for (const slide of document.querySelectorAll<HTMLElement>('[data-slidev-no]')) {
      const problem = (what: string) => found.push(`slide ${slide.dataset.slidevNo}: ${what}`)
      // innerText: the text as laid out, so text hidden by CSS does not count.
      // eslint-disable-next-line unicorn/prefer-dom-node-text-content
      if (slide.innerText.trim() === '')
        problem('it is blank')
      for (const host of slide.querySelectorAll('.mermaid')) {
        const svg = host.shadowRoot?.querySelector('svg')
        if (!svg || svg.getAttribute('aria-roledescription') === 'error')
          problem('its diagram did not draw')
      }
      // Slidev shows a diagram that fails to render as its error message, in a <pre>.
      for (const error of slide.querySelectorAll('pre:not(.slidev-code)')) {
        if (/^\w*Error\b/.test(error.textContent!.trim()))
          problem(`its diagram did not draw: ${error.textContent!.trim().slice(0, 160)}`)
      }
      for (const figure of slide.querySelectorAll('figure, [role="img"]')) {
        if (!figure.getAttribute('aria-label')?.trim())
          problem(`a ${figure.tagName.toLowerCase()} has no text alternative (aria-label)`)
      }
      if (!slide.querySelector('h1, h2, [role="heading"]'))
        problem('it has no heading')
      // Every text is set in a font the deck ships and that has loaded, never in a fallback.
      const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const holder = node.parentElement
        if (!holder || !node.textContent?.trim() || !holder.checkVisibility())
          continue
        const style = getComputedStyle(holder)
        const family = unquote(style.fontFamily.split(',')[0])
        const weight = Number(style.fontWeight)
        const candidates = faces.filter(face => face.family === family)
        if (candidates.length === 0)
          problem(`font "${family}" is not a font the deck ships`)
        else if (!candidates.some(face => face.loaded && weight >= face.min && weight <= face.max))
          problem(`font "${family}" ${weight} did not load`)
      }
    }
    return [...new Set(found)] // a font or diagram at fault once per slide
  })
  if (problems.length > 0)
    throw new ExportError(problems.join('\n'))
}

/** Links to a slide point at its page, headings get its outline level; returns each heading's text. */
async function prepareDocument(page: Page, deckUrl: string, levels: number[]): Promise<string[]> {
  return await page.evaluate(({ deckUrl, levels }) => {
    // Chromium leaves clipped text out of a PDF: what a figure tells screen readers in words
    // (the timeline's list) joins its alternative text, and its drawing, labels and all, becomes
    // the tagged figure, so the page's text holds each word once.
    for (const hidden of document.querySelectorAll('figure[aria-label] .sr-only')) {
      const figure = hidden.closest('figure')!
      figure.setAttribute('aria-label', `${figure.getAttribute('aria-label')} ${hidden.textContent!.replace(/\s+/g, ' ').trim()}`)
      figure.setAttribute('role', 'img')
      figure.querySelectorAll('[aria-hidden="true"]').forEach(drawing => drawing.removeAttribute('aria-hidden'))
      hidden.remove()
    }
    const slides = [...document.querySelectorAll<HTMLElement>('[data-slidev-no]')]
    for (const slide of slides) {
      const no = Number(slide.dataset.slidevNo)
      if (!document.getElementById(String(no)))
        (slide.closest('.print-slide-container') ?? slide).id = String(no)
      const heading = slide.querySelector('h1')
      if (heading && levels[no - 1] > 1)
        heading.setAttribute('aria-level', String(levels[no - 1]))
    }
    // A slide's address (BASE/N), or in print mode Slidev's #/N (its <Link>, the agenda's entries).
    const basePath = new URL(deckUrl).pathname
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      const address = link.href.startsWith(deckUrl) ? link.pathname.slice(basePath.length) : ''
      const no = (link.getAttribute('href')!.match(/^#\/?(\d+)$/) ?? address.match(/^(\d+)$/))?.[1]
      if (no && document.getElementById(no)) {
        link.setAttribute('href', `#${no}`)
        link.removeAttribute('target')
      }
    }
    // Slidev's hidden drawing area for diagrams holds nothing a reader should get.
    document.getElementById('mermaid-rendering-container')?.remove()
    return slides.map(slide => slide.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? '')
  }, { deckUrl, levels })
}

// Chromium titles the outline with each heading's text as laid out: uppercase where CSS says so,
// and without the space where a line wraps. Each entry, in order, takes its heading's own text.
function retitleOutline(pdf: PDFDocument, titles: string[]): string[] {
  const items: PDFDict[] = []
  const walk = (item: PDFDict | undefined) => {
    for (; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      items.push(item)
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict))
    }
  }
  walk(pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict))
  if (items.length !== titles.length)
    return [`the outline has ${items.length} entries for ${titles.length} slides: each slide needs one heading (h1), and only one`]
  items.forEach((item, i) => item.set(PDFName.of('Title'), PDFHexString.fromText(titles[i])))
  return []
}

/** Fonts the PDF carries as Type 3 glyphs or does not embed, by page (1-based). */
function fontProblems(pdf: PDFDocument): string[] {
  return pdf.getPages().flatMap((page, index) => {
    const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict)
    return (fonts?.keys() ?? []).flatMap((name) => {
      const font = fonts!.lookup(name, PDFDict)
      const descendant = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookup(0, PDFDict) ?? font
      const descriptor = descendant.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict)
      const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some(key => descriptor?.has(PDFName.of(key)))
      if (font.get(PDFName.of('Subtype')) === PDFName.of('Type3'))
        return [`page ${index + 1}: font ${name} is Type 3 glyphs, not a font (a variable font printed?)`]
      const baseFont = descendant.get(PDFName.of('BaseFont'))
      return embedded ? [] : [`page ${index + 1}: font ${baseFont} is not embedded`]
    })
  })
}

/** Opens the view a kind of PDF prints (Slidev's print view, or the reading view) with every slide drawn and checked. */
export async function openPrintedView(page: Page, deckUrl: string, kind: PrintKind, deck: DeckInfo) {
  await page.setViewportSize(kind === 'slides'
    ? { width: deck.width, height: deck.height }
    : { width: A4_TEXT_WIDTH_PX, height: 1100 })
  const path = `${new URL(deckUrl).pathname}${kind === 'slides' ? 'print' : 'read'}?print`
  if (page.url().startsWith(deckUrl)) {
    // Moved inside the app, since a load from Slidev's dev server is most of an export's time;
    // Vue Router follows the address on popstate, as on the browser's back button.
    await page.evaluate((path) => {
      history.pushState(history.state, '', path)
      dispatchEvent(new PopStateEvent('popstate', { state: history.state }))
    }, path)
    await page.waitForLoadState('networkidle')
  }
  else {
    await page.goto(new URL(path, deckUrl).href, { waitUntil: 'networkidle', timeout: deck.timeout })
  }
  await page.emulateMedia({ media: kind === 'slides' ? 'screen' : null })
  const view = page.locator(kind === 'slides' ? '.print-slide-container' : '.reading-slide')
  const slides = deck.levels.length
  await view.nth(slides - 1).waitFor({ state: 'attached', timeout: DIAGRAM_TIMEOUT_MS }).catch(() => {})
  const drawn = await view.count()
  if (drawn !== slides) {
    throw new ExportError(`${page.url()} shows ${drawn} slides of ${slides}: ${kind === 'slides'
      ? 'Slidev\'s print view is not in this build (vite.config.ts keeps it)'
      : 'the reading view did not open'}`)
  }
  await checkSlides(page, deck)
}

/** Prints one kind of PDF of the deck at `deckUrl` to `output`; throws an ExportError naming the faults. */
export async function printPdf(page: Page, deckUrl: string, kind: PrintKind, deck: DeckInfo, output: string) {
  const started = performance.now()
  await openPrintedView(page, deckUrl, kind, deck)
  const titles = await prepareDocument(page, deckUrl, deck.levels)
  // Both pages are sized in CSS: Slidev's print mode sets the slide's, the reading view A4.
  const pdf = await PDFDocument.load(
    await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true }),
    { updateMetadata: false },
  )
  const problems = [...fontProblems(pdf), ...retitleOutline(pdf, titles)]
  if (kind === 'slides' && pdf.getPageCount() !== deck.levels.length)
    problems.push(`${pdf.getPageCount()} pages for ${deck.levels.length} slides: a slide spills onto a page of its own`)
  if (problems.length > 0)
    throw new ExportError(`${output}:\n${problems.join('\n')}`)
  pdf.setTitle(kind === 'slides' ? deck.title : `${deck.title} (handout)`, { showInWindowTitleBar: true })
  pdf.setAuthor(deck.author)
  pdf.setSubject(deck.subject)
  pdf.setKeywords(deck.keywords)
  writeFileSync(output, await pdf.save())
  return { pages: pdf.getPageCount(), seconds: (performance.now() - started) / 1000 }
}
