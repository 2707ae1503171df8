import type { Plugin } from 'vite'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Milestone } from './data/career.ts'
import { defineConfig } from 'vite'
import { hostedHtml } from './deploy/html.ts'
import { milestones } from './data/career.ts'
import { validateMilestones } from './data/validate.ts'

// The career data is checked when the deck is built or served, so a malformed entry stops the
// build with a message naming the entry and the field instead of drawing a wrong timeline.
export function validateDeckData(list: readonly Milestone[] = milestones): Plugin {
  return {
    name: 'deck:validate-data',
    buildStart() {
      validateMilestones(list)
    },
  }
}

const deckSources = ['slides.md', ...readdirSync(join(import.meta.dirname, 'pages')).map(file => join('pages', file))]
  .map(file => readFileSync(join(import.meta.dirname, file), 'utf8'))
/** Whether any slide has a ```lang twoslash block, the one thing Slidev's twoslash client serves. */
const usesTwoslash = deckSources.some(source => /^```\w+[^\n]*\btwoslash\b/m.test(source))

export default defineConfig({
  plugins: [
    validateDeckData(),
    // The Inter file with the Latin letters slide 1 is set in starts loading with the HTML.
    hostedHtml({ preloadFonts: [/^inter-latin-wght-normal-[\w-]+\.woff2$/] }),
  ],
  resolve: {
    alias: usesTwoslash
      ? []
      : [
          { find: /^@shikijs\/vitepress-twoslash\/client$/, replacement: join(import.meta.dirname, 'stubs', 'twoslash-client.ts') },
          { find: /^@shikijs\/vitepress-twoslash\/style\.css$/, replacement: join(import.meta.dirname, 'stubs', 'empty.css') },
        ],
  },
  build: {
    // Vite inlines files under 4 KB as data: URLs. A font inlined into the CSS is downloaded by
    // every visitor, whatever its unicode-range, and needs `font-src data:` in the CSP; as a
    // file it is fetched only when a slide uses its characters.
    assetsInlineLimit: file => /\.(?:woff2?|ttf|otf)$/.test(file) ? false : undefined,
  },
})
