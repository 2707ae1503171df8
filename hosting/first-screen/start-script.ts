// The pages the build draws ahead of Slidev's client (the first screen, read.html) load one small
// script, deck-start.ts, instead of Slidev's entry, which waits in its attributes until needed.
import type { Browser, Page, ViewportSize } from 'playwright-chromium'
import type { Plugin } from 'vite'
import { fileURLToPath } from 'node:url'
import { COPY_HIDDEN_MEDIA, COPY_NEEDS_SUPPORT, START_APP, START_PRELOADS } from './page-markers.ts'

/** The start script's name: the build writes it as assets/deck-start-<hash>.js. */
export const START_CHUNK = 'deck-start'

/** Builds deck-start.ts as a script of its own, beside Slidev's entry. */
export function deckStart(): Plugin {
  const id = fileURLToPath(new URL('./deck-start.ts', import.meta.url))
  return {
    name: 'deck:start',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id, name: START_CHUNK })
    },
  }
}

/**
 * Runs `copy` on a built page: light, no motion, no service worker (it would fetch the whole deck
 * meanwhile). The paths the page asks for go into `requested`: what the deck uses (offline/used-files.ts).
 */
export async function copyBuiltPage<T>(browser: Browser, url: string, viewport: ViewportSize, copy: (page: Page) => Promise<T>, requested?: Set<string>) {
  const context = await browser.newContext({
    viewport,
    colorScheme: 'light',
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  })
  context.on('request', request => requested?.add(new URL(request.url()).pathname))
  try {
    const page = await context.newPage()
    const response = await page.goto(url)
    if (!response?.ok())
      throw new Error(`${url}: HTTP ${response?.status()}`)
    return await copy(page)
  }
  finally {
    await context.close()
  }
}

export const escapeAttribute = (html: string) => html.replaceAll('&', '&amp;').replaceAll('"', '&quot;')

/** CSS that hides a copy the build drew (`selector`) where it would not look like the live deck. */
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
  const preloads = [...html.matchAll(MODULE_PRELOAD)].map(match => match[1]).join(' ')
  const script = `<script type="module" crossorigin src="${escapeAttribute(start)}" ${START_APP}="${escapeAttribute(entry)}" ${START_PRELOADS}="${escapeAttribute(preloads)}"></script>`
  return html.replace(MODULE_PRELOAD, '').replace(ENTRY_SCRIPT, () => script)
}
