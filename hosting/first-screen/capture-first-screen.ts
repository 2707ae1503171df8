// The build half of the first screen: `npm run build` copies slide 1 as the built deck drew it
// into index.html and 1.html, so it shows before Slidev's client (which renders only in the
// browser) has run. It is hidden where it would differ from the live slide (start-script.ts).
import type { Browser } from 'playwright-chromium'
import { UNDRAWN_SLIDE } from '../../exports/print.ts'
import { FIRST_SCREEN_ID, FIRST_SCREEN_SLIDE } from './page-markers.ts'
import { copyBuiltPage, escapeAttribute, hideCopyWhereItDiffers, withStartScript } from './start-script.ts'

export type FirstScreen = Awaited<ReturnType<typeof captureFirstScreen>>

/** Opens slide `no` of a built deck at `url` and copies what the live deck drew. */
export function captureFirstScreen(browser: Browser, url: string, no: number, requested?: Set<string>) {
  return copyBuiltPage(browser, url, { width: 1280, height: 720 }, async (page) => {
    await page.waitForFunction(([no, undrawn]) => {
      const slide = document.querySelector(`#slideshow .slidev-page-${no}`)
      return slide && slide.getBoundingClientRect().width > 0 && !slide.matches(undrawn) && document.fonts.status === 'loaded'
    }, [no, UNDRAWN_SLIDE] as const, { timeout: 60_000 }).catch(() => {
      throw new Error(`${url}: the built deck did not draw slide ${no} within 60 s, so there is no first screen to copy`)
    })
    return page.evaluate((no) => {
      const [root, container, content] = ['page-root', 'slide-container', 'slide-content'].map(id => document.getElementById(id))
      if (!root || !container || !content)
        throw new Error('Slidev\'s play page has no #page-root, #slide-container or #slide-content: hosting/first-screen/capture-first-screen.ts copies the slide from them')
      const copy = container.cloneNode(false) as HTMLElement
      const slide = content.cloneNode(true) as HTMLElement
      copy.append(slide)
      for (const other of slide.querySelectorAll(`.slidev-page:not(.slidev-page-${no})`))
        other.remove()
      // Ids and slide numbers stay with the live deck (its code looks elements and slides up by
      // them); the rules Slidev's stylesheets give by id go inline.
      slide.querySelector<HTMLElement>('#slideshow')!.style.height = '100%'
      for (const element of [copy, ...copy.querySelectorAll('[id], [data-slidev-no]')]) {
        element.removeAttribute('id')
        element.removeAttribute('data-slidev-no')
      }
      // The live deck scales the slide to the window by script; here CSS does it.
      const { width, height } = content.style
      slide.setAttribute('style', `width: ${width}; height: ${height}; --slidev-slide-scale: min(calc(100vw / ${width}), calc(100vh / ${height}))`)
      copy.style.fontFamily = getComputedStyle(root).fontFamily
      // The slide's container holding only that slide, without ids, and the stylesheets applied.
      const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')]
      return { no, markup: copy.outerHTML, stylesheets: links.map(link => new URL(link.href).pathname) }
    }, no)
  }, requested)
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** What the first frame needs: the stylesheets and the preloaded font. */
const FIRST_FRAME_LINK = /[ \t]*<link rel="(?:stylesheet|preload" as="font)"[^>]*>\n?/g

/**
 * index.html with the first screen over the app, loading `start` in place of Slidev's entry. The copy's
 * stylesheets (small, and loaded next anyway) block rendering and, with the font, come first.
 */
export function withFirstScreen(html: string, screen: FirstScreen, start: string): string {
  const missing = ['</head>', '<div id="app">', '<script type="module"'].find(anchor => !html.includes(anchor))
  if (missing)
    throw new Error(`index.html: no ${missing} to put the first screen by`)
  let out = withStartScript(html, start, 'index.html')
  for (const href of screen.stylesheets) {
    const preload = new RegExp(`<link rel="preload" as="style"([^>]*) href="${escapeRegExp(href)}">`)
    if (preload.test(out))
      out = out.replace(preload, (_, attributes: string) => `<link rel="stylesheet"${attributes} href="${escapeAttribute(href)}">`)
    else if (!out.includes(`href="${href}"`))
      out = out.replace('</head>', () => `  <link rel="stylesheet" crossorigin href="${escapeAttribute(href)}">\n</head>`)
  }
  const firstFrame = (out.match(FIRST_FRAME_LINK) ?? []).map(link => link.trim()).join('\n  ')
  // Replacement functions, not strings: a `$` in the slide (the essay's figures) is text.
  return out.replace(FIRST_FRAME_LINK, '')
    .replace('<script type="module"', () => `${firstFrame}\n  <script type="module"`)
    .replace('</head>', () => `  <style>
    #${FIRST_SCREEN_ID} { position: fixed; inset: 0; z-index: 100; pointer-events: none; }
    ${hideCopyWhereItDiffers(`#${FIRST_SCREEN_ID}`)}
  </style>
</head>`)
    // inert and aria-hidden as it is sent: beside the live deck, nothing in the copy may take
    // focus or be read out twice. first-screen.ts lifts both while the copy is the page.
    .replace('<div id="app">', () => `<div id="${FIRST_SCREEN_ID}" ${FIRST_SCREEN_SLIDE}="${screen.no}" inert aria-hidden="true">${screen.markup}</div>\n  <div id="app">`)
}
