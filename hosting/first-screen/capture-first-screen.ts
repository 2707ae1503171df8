// The build half of the first screen: `npm run build` copies slide 1 as the built deck drew it
// into index.html and 1.html, so it shows before Slidev's client (which renders only in the
// browser) has run. It is hidden where it would differ from the live slide (start-script.ts).
import type { Browser } from 'playwright-chromium'
import { UNDRAWN_SLIDE } from '../../exports/print.ts'
import { FONT_FAMILY } from '../font-subset.ts'
import { DEFERRED_STYLE, FIRST_SCREEN_FAMILY, FIRST_SCREEN_FONT_LOAD, FIRST_SCREEN_ID, FIRST_SCREEN_SLIDE } from './page-markers.ts'
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
    return page.evaluate(([no, slideFamily, inter]) => {
      const [root, container, content] = ['page-root', 'slide-container', 'slide-content'].map(id => document.getElementById(id))
      if (!root || !container || !content)
        throw new Error('Slidev\'s play page has no #page-root, #slide-container or #slide-content: hosting/first-screen/capture-first-screen.ts copies the slide from them')
      const copy = container.cloneNode(false) as HTMLElement
      const slide = content.cloneNode(true) as HTMLElement
      copy.append(slide)
      const originals = [content, ...content.querySelectorAll('*')]
      const clones = [slide, ...slide.querySelectorAll<HTMLElement>('*')]
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
      // Slide 1's letters come inline as a family only the copy names (firstScreenFontFace), so the
      // copy paints in its font at once and the live deck's text never mixes two files of Inter.
      const quoted = `"${inter}"`
      const family = (element: Element) => getComputedStyle(element).fontFamily
      const withLetters = (stack: string) => stack.replace(quoted, `"${slideFamily}", ${quoted}`)
      copy.style.fontFamily = withLetters(family(container))
      originals.forEach((original, i) => {
        if (family(original).includes(quoted))
          clones[i].style.fontFamily = withLetters(family(original))
      })
      // The rules that style the slide and the page around it, from the linked stylesheets in their
      // order: inline, they draw the copy with no stylesheet to wait for.
      const styled = [document.documentElement, document.body, container, content, ...content.querySelectorAll('*')]
        .filter(element => !element.closest(`.slidev-page:not(.slidev-page-${no})`))
      const pseudoElement = /::?(?:before|after|first-line|first-letter|marker|placeholder|selection|backdrop|-webkit-[\w-]+|-moz-[\w-]+)/g
      const styles = (selector: string) => {
        const plain = selector.replace(pseudoElement, ':is(*)')
        try {
          return styled.some(element => element.matches(plain))
        }
        catch {
          return true // a selector this browser cannot test: kept, as a rule too many costs little
        }
      }
      const animations = new Set(styled.flatMap(element => getComputedStyle(element).animationName.split(', ')))
      const keep = (rules: CSSRuleList): string => [...rules].map((rule) => {
        if (rule instanceof CSSStyleRule)
          return styles(rule.selectorText) ? rule.cssText : ''
        if (rule instanceof CSSKeyframesRule)
          return animations.has(rule.name) ? rule.cssText : ''
        // A layer ranks where it first appears, which here is before the stylesheets: kept, even empty.
        if (rule instanceof CSSLayerBlockRule)
          return `@layer ${rule.name} {${keep(rule.cssRules)}}`
        if (rule instanceof CSSGroupingRule) { // @media, @supports, @container
          const inner = keep(rule.cssRules)
          return inner && `${rule.cssText.slice(0, rule.cssText.indexOf('{'))}{${inner}}`
        }
        // Faces come apart (firstScreenFontFace): one here would hold the first frame for its file.
        return [CSSFontFaceRule, CSSImportRule, CSSNamespaceRule, CSSPageRule].some(type => rule instanceof type) ? '' : rule.cssText
      }).join('')
      const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')]
      const css = [...document.styleSheets]
        .filter(sheet => sheet.ownerNode instanceof HTMLLinkElement && !sheet.disabled)
        .map((sheet) => {
          const rules = keep(sheet.cssRules)
          return rules && sheet.media.mediaText ? `@media ${sheet.media.mediaText}{${rules}}` : rules
        })
        .join('')
        .replaceAll('</style', '<\\/style')
      // The letters set in Inter, by weight, for firstScreenFontFace: the text, as transformed,
      // and what CSS adds before and after it.
      const letters: Record<string, string> = {}
      for (const element of styled.filter(element => content.contains(element))) {
        const { fontFamily, fontWeight, textTransform } = getComputedStyle(element)
        if (!fontFamily.includes(quoted))
          continue
        const added = ['::before', '::after'].map(pseudo => getComputedStyle(element, pseudo).content.match(/^"(.*)"$/)?.[1] ?? '')
        const text = [...element.childNodes].filter(node => node.nodeType === Node.TEXT_NODE).map(node => node.textContent).join('') + added.join('')
        const cases = textTransform === 'none' ? text : `${text}${text.toUpperCase()}${text.toLowerCase()}`
        letters[fontWeight] = (letters[fontWeight] ?? '') + cases
      }
      // The slide's container holding only that slide, without ids, its CSS and letters, and the stylesheets applied.
      return { no, markup: copy.outerHTML, css, letters, stylesheets: links.map(link => new URL(link.href).pathname) }
    }, [no, FIRST_SCREEN_FAMILY, FONT_FAMILY] as const)
  }, requested)
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** The stylesheets and the font preload, which move after the copy's inline CSS and font load. */
const FIRST_FRAME_LINK = /[ \t]*<link rel="(?:stylesheet|preload" as="(?:style|font))"[^>]*>\n?/g

/**
 * index.html with the first screen over the app, loading `start` in place of Slidev's entry. Slide 1
 * paints from the HTML alone: the copy's CSS and `fontFace` (its letters) are inline; the
 * stylesheets are fetched at once and applied by the start script, never waited for.
 */
export function withFirstScreen(html: string, screen: FirstScreen, start: string, fontFace = ''): string {
  const missing = ['</head>', '<div id="app">', '<script type="module"'].find(anchor => !html.includes(anchor))
  if (missing)
    throw new Error(`index.html: no ${missing} to put the first screen by`)
  let out = withStartScript(html, start, 'index.html')
  for (const href of screen.stylesheets) {
    const link = new RegExp(`<link rel="(?:stylesheet|preload" as="style)"([^>]*) href="${escapeRegExp(href)}">`)
    const deferred = (attributes: string) => `<link rel="preload" as="style"${attributes} href="${escapeAttribute(href)}" ${DEFERRED_STYLE}>`
    out = link.test(out)
      ? out.replace(link, (_, attributes: string) => deferred(attributes))
      : out.replace('</head>', () => `  ${deferred(' crossorigin')}\n</head>`)
  }
  const firstFrame = (out.match(FIRST_FRAME_LINK) ?? []).map(link => link.trim()).join('\n  ')
  // Replacement functions, not strings: a `$` in the slide (the essay's figures) is text.
  // The copy's rules come before the stylesheets, which apply later and keep their own order.
  return out.replace(FIRST_FRAME_LINK, '')
    .replace('<script type="module"', () => `<style>
    ${fontFace}${screen.css}
    #${FIRST_SCREEN_ID} { position: fixed; inset: 0; z-index: 100; pointer-events: none; }
    ${hideCopyWhereItDiffers(`#${FIRST_SCREEN_ID}`)}
  </style>
  ${fontFace && `<script>${FIRST_SCREEN_FONT_LOAD}</script>`}
  ${firstFrame}\n  <script type="module"`)
    // inert and aria-hidden as it is sent: beside the live deck, nothing in the copy may take
    // focus or be read out twice. first-screen.ts lifts both while the copy is the page.
    .replace('<div id="app">', () => `<div id="${FIRST_SCREEN_ID}" ${FIRST_SCREEN_SLIDE}="${screen.no}" inert aria-hidden="true">${screen.markup}</div>\n  <div id="app">`)
}
