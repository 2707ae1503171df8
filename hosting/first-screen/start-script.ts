// The pages the build draws ahead of Slidev's client (the first screen, read.html) load one small
// script, deck-start.ts, instead of Slidev's entry, which waits in its attributes until needed.
import type { Browser, Page, ViewportSize } from 'playwright-chromium'
import type { Plugin } from 'vite'
import { fileURLToPath } from 'node:url'
import { COPY_HIDDEN_MEDIA, COPY_NEEDS_SUPPORT, START_APP, START_PRELOADS } from './first-screen.ts'

/** The start script's name: the build writes it as assets/deck-start-<hash>.js. */
export const START_CHUNK = 'deck-start'

/** Builds hosting/first-screen/deck-start.ts as a script of its own, beside Slidev's entry. */
export function deckStart(): Plugin {
  return {
    name: 'deck:start',
    apply: 'build',
    buildStart() {
      this.emitFile({
        type: 'chunk',
        id: fileURLToPath(new URL('./deck-start.ts', import.meta.url)),
        name: START_CHUNK,
      })
    },
  }
}

/**
 * A page of the built deck as the build copies it: light, without motion, and without the service
 * worker, which would download the whole deck meanwhile. The caller closes its context.
 */
export async function openBuiltPage(browser: Browser, url: string, viewport: ViewportSize): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    colorScheme: 'light',
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  })
  const page = await context.newPage()
  const response = await page.goto(url)
  if (!response?.ok()) {
    await context.close()
    throw new Error(`${url}: HTTP ${response?.status()}`)
  }
  return page
}

export const escapeAttribute = (html: string) => html.replaceAll('&', '&amp;').replaceAll('"', '&quot;')

/** CSS that hides a copy the build drew (`selector`) where it would not look like the live deck (COPY_HIDDEN_MEDIA). */
export function hideCopyWhereItDiffers(selector: string) {
  return `@media ${COPY_HIDDEN_MEDIA} { ${selector} { display: none; } }
@supports not (${COPY_NEEDS_SUPPORT}) { ${selector} { display: none; } }`
}
const ENTRY_SCRIPT = /<script type="module" crossorigin src="([^"]+)"><\/script>/
const MODULE_PRELOAD = /[ \t]*<link rel="modulepreload"[^>]* href="([^"]+)">\n?/g

/** `html` (a page of the built deck, named `file` in errors) loading `start` in place of Slidev's entry and preloads. */
export function withStartScript(html: string, start: string, file: string): string {
  const entry = html.match(ENTRY_SCRIPT)?.[1]
  if (!entry)
    throw new Error(`${file}: no <script type="module" crossorigin src="..."> for Slidev's entry`)
  const preloads = [...html.matchAll(MODULE_PRELOAD)].map(match => match[1])
  return html.replace(MODULE_PRELOAD, '').replace(ENTRY_SCRIPT, () => `<script type="module" crossorigin src="${escapeAttribute(start)}" ${START_APP}="${escapeAttribute(entry)}" ${START_PRELOADS}="${escapeAttribute(preloads.join(' '))}"></script>`)
}
