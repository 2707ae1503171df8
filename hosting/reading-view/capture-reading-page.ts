// The reading view as a page of its own: `npm run build` opens BASE/read in Chromium, lets every
// slide draw, and writes what the live deck drew into read.html, which every host answers
// BASE/read with (as it answers BASE/N with N.html). A reader, often on a phone, gets the article
// from the HTML alone: no script draws it, and Slidev's client loads only where the copy cannot
// serve (hosting/reading-view/reading-page.ts).
// - Its stylesheets go inline, in one <style>: one request instead of twenty.
// - Each slide is zoomed to the article's width by CSS (the live view measures it by script),
//   and laid out only as it nears the screen (content-visibility), at its exact size before that,
//   so `read#N` lands where it should.
// - Mermaid draws into shadow roots: they are written as declarative shadow DOM.
// - A slide's controls are disabled: without the app they would do nothing.
// - It is hidden, and the live view drawn instead, in dark mode and where CSS cannot divide
//   lengths, as the first screen is (hosting/first-screen/capture-first-screen.ts).
import type { Browser } from 'playwright-chromium'
import { escapeAttribute, hideCopyWhereItDiffers, withStartScript } from '../first-screen/start-script.ts'
import { READING_PAGE } from './reading-page.ts'

export interface ReadingPage {
  /** #app's content as the live reading view drew it, every slide drawn. */
  markup: string
  /** Stylesheets the live page had applied (paths as served), in order. */
  stylesheets: string[]
  /** The <style> elements the live page had added to its head, in order. */
  styles: string[]
  /** The classes Slidev gave <html> (its color scheme). */
  htmlClass: string
  /** The slide's canvas, in CSS px. */
  width: number
  height: number
}

/** Opens the reading view of a built deck at `url` and copies it once every slide has drawn. */
export async function captureReadingPage(browser: Browser, url: string, timeout: number): Promise<ReadingPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  })
  try {
    const page = await context.newPage()
    const response = await page.goto(url, { waitUntil: 'networkidle' })
    if (!response?.ok())
      throw new Error(`${url}: HTTP ${response?.status()}`)
    // What a reader printing it gets: every slide drawn (components/ReadingView.vue).
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')))
    await page.waitForFunction(() => document.querySelector('.reading-slide')
      && !document.querySelector('.reading-slide-pending, .slidev-slide-loading, #mermaid-rendering-container > div')
      && [
        ...document.querySelectorAll('.mermaid'),
      ].every(host => host.shadowRoot?.querySelector('svg'))
      && document.fonts.status === 'loaded', undefined, { timeout }).catch(() => {
      throw new Error(`${url}: the reading view did not draw every slide and diagram within ${timeout / 1000} s, so there is no read.html to write`)
    })
    await page.waitForLoadState('networkidle')
    return await page.evaluate(() => {
      const app = document.getElementById('app')!
      const frames = [
        ...app.querySelectorAll<HTMLElement>('.reading-slide-frame'),
      ]
      const canvas = app.querySelector<HTMLElement>('.reading-slide-frame > *')!
      const size = { width: canvas.offsetWidth, height: canvas.offsetHeight }
      for (const frame of frames)
        frame.style.removeProperty('zoom')
      // A control on a slide (the velocity model's sliders) needs the app to answer: here it is a
      // figure at its value, not a control that does nothing.
      for (const control of app.querySelectorAll('.reading-slide-frame :is(input, select, textarea, button)'))
        control.setAttribute('disabled', '')
      const shadowRoots = [
        ...app.querySelectorAll('*'),
      ].flatMap(element => element.shadowRoot ?? [])
      return {
        markup: app.getHTML({ shadowRoots }),
        stylesheets: [
          ...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]'),
        ].map(link => new URL(link.href).pathname),
        styles: [
          ...document.head.querySelectorAll('style'),
        ].map(style => style.textContent ?? ''),
        htmlClass: document.documentElement.className,
        ...size,
      }
    })
  }
  finally {
    await context.close()
  }
}

const STYLE_LINK = /[ \t]*<link rel="(?:stylesheet|preload" as="style)"[^>]*>\n?/g

/**
 * read.html: the built index.html (`html`, without the first screen) holding `page`, its
 * stylesheets inline (`css` reads one by its path as served), loading `start` (hosting/first-screen/start-script.ts)
 * in place of Slidev's entry.
 */
export function withReadingPage(html: string, page: ReadingPage, css: (path: string) => string, start: string): string {
  for (const anchor of ['<html', '</head>', '<div id="app"></div>']) {
    if (!html.includes(anchor))
      throw new Error(`index.html: no ${anchor} to put the reading view by`)
  }
  const inline = [
    ...page.stylesheets.map(css),
    ...page.styles,
    `#app[${READING_PAGE}] .reading-view { container-type: inline-size; }
#app[${READING_PAGE}] .reading-slide-frame { zoom: calc(100cqw / ${page.width}px); }
#app[${READING_PAGE}] .reading-slide-frame > * { content-visibility: auto; contain-intrinsic-size: ${page.width}px ${page.height}px; }
${hideCopyWhereItDiffers(`#app[${READING_PAGE}] > *`)}`,
  ].join('\n')
  // Replacement functions, not strings: a `$` in the page (the essay's figures) is text.
  return withStartScript(html, start, 'index.html')
    .replace(STYLE_LINK, '')
    .replace('<html', () => `<html class="${escapeAttribute(page.htmlClass)}"`)
    .replace('</head>', () => `<style>\n${inline}\n</style>\n</head>`)
    .replace('<div id="app"></div>', () => `<div id="app" ${READING_PAGE}>${page.markup}</div>`)
}
