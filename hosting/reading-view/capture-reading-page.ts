// read.html, the reading view as the built deck drew it, every slide drawn: a reader on a phone
// gets the article from the HTML alone, its stylesheets inline, each slide zoomed by CSS and laid
// out only near the screen, Mermaid's shadow roots written as declarative shadow DOM.
import type { Browser } from 'playwright-chromium'
import { UNDRAWN_SLIDE } from '../../exports/print.ts'
import { copyBuiltPage, escapeAttribute, hideCopyWhereItDiffers, withStartScript } from '../first-screen/start-script.ts'
import { READING_PAGE } from './reading-page.ts'

export type ReadingPage = Awaited<ReturnType<typeof captureReadingPage>>

/** Opens the reading view of a built deck at `url` and copies it once every slide has drawn. */
export function captureReadingPage(browser: Browser, url: string, timeout: number, requested?: Set<string>) {
  return copyBuiltPage(browser, url, { width: 1280, height: 800 }, async (page) => {
    await page.waitForLoadState('networkidle')
    // What a reader printing it gets: every slide drawn (components/ReadingView.vue).
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')))
    await page.waitForFunction(undrawn => document.querySelector('.reading-slide')
      && !document.querySelector(`.reading-slide-pending, ${undrawn}, #mermaid-rendering-container > div`)
      && [...document.querySelectorAll('.mermaid')].every(host => host.shadowRoot?.querySelector('svg'))
      && document.fonts.status === 'loaded', UNDRAWN_SLIDE, { timeout }).catch(() => {
      throw new Error(`${url}: the reading view did not draw every slide and diagram within ${timeout / 1000} s, so there is no read.html to write`)
    })
    return page.evaluate(() => {
      const app = document.getElementById('app')!
      const canvas = app.querySelector<HTMLElement>('.reading-slide-frame > *')!
      const size = { width: canvas.offsetWidth, height: canvas.offsetHeight }
      for (const frame of app.querySelectorAll<HTMLElement>('.reading-slide-frame'))
        frame.style.removeProperty('zoom')
      // A control on a slide (the velocity model's sliders) needs the app to answer: here it is a
      // figure at its value, not a control that does nothing.
      for (const control of app.querySelectorAll('.reading-slide-frame :is(input, select, textarea, button)'))
        control.setAttribute('disabled', '')
      const shadowRoots = [...app.querySelectorAll('*')].flatMap(element => element.shadowRoot ?? [])
      const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')]
      // #app, the stylesheets applied (paths as served), the <style>s added, <html>'s classes,
      // and the slide's canvas in CSS px.
      return {
        markup: app.getHTML({ shadowRoots }),
        stylesheets: links.map(link => new URL(link.href).pathname),
        styles: [...document.head.querySelectorAll('style')].map(style => style.textContent ?? ''),
        htmlClass: document.documentElement.className,
        ...size,
      }
    })
  }, requested)
}

const STYLE_LINK = /[ \t]*<link rel="(?:stylesheet|preload" as="style)"[^>]*>\n?/g

/**
 * read.html: the built index.html (`html`, without the first screen) holding `page`, its stylesheets
 * inline (`css` reads one by its path as served), loading `start` in place of Slidev's entry.
 */
export function withReadingPage(html: string, page: ReadingPage, css: (path: string) => string, start: string): string {
  const missing = ['<html', '</head>', '<div id="app"></div>'].find(anchor => !html.includes(anchor))
  if (missing)
    throw new Error(`index.html: no ${missing} to put the reading view by`)
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
