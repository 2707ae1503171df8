// The pages the build draws ahead of Slidev's client (hosting/first-screen/capture-first-screen.ts,
// hosting/reading-view/capture-reading-page.ts) load one small script, hosting/first-screen/deck-start.ts, instead of Slidev's entry
// and its preloads, which wait in that script's attributes until the visitor needs the live deck.
// Downloaded with the page, they delayed its first frame and kept a phone busy
// (docs/loading.md).
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
  const preloads = [
    ...html.matchAll(MODULE_PRELOAD),
  ].map(match => match[1])
  return html.replace(MODULE_PRELOAD, '').replace(ENTRY_SCRIPT, () => `<script type="module" crossorigin src="${escapeAttribute(start)}" ${START_APP}="${escapeAttribute(entry)}" ${START_PRELOADS}="${escapeAttribute(preloads.join(' '))}"></script>`)
}
