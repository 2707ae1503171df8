import type { Plugin } from 'vite'
import type { Milestone } from './data/career.ts'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from '@slidev/parser/fs'
import { defineConfig } from 'vite'
import { validateMilestones } from './data/career-check.ts'
import { milestones } from './data/career.ts'
import { readDeckFiles } from './hosting/deck-files.ts'
import { deckStart } from './hosting/first-screen/start-script.ts'
import { subsetFontPlugin } from './hosting/font-subset.ts'
import { hostedHtml } from './hosting/hosted-html.ts'
import { offlineDeck } from './hosting/offline/pwa.ts'
import { unusedFeatures } from './hosting/unused-features/unused-features.ts'
import { deckRelay } from './relay/relay-plugin.ts'

// The career data is checked when the build or the dev server starts, so a malformed entry stops
// the build with a message naming the entry and the field instead of drawing a wrong timeline.
export function validateDeckData(list: readonly Milestone[] = milestones): Plugin {
  return {
    name: 'deck:validate-data',
    buildStart() {
      validateMilestones(list)
    },
  }
}

/**
 * Keeps Slidev's print view (BASE/print) in the build, which the slides PDF is printed from
 * (exports/print.ts). Slidev builds it only with `download: true`, which would also make its
 * build export a PDF of its own, untagged, that ours replaces.
 */
const printView: Plugin = {
  name: 'deck:print-view',
  enforce: 'post',
  config: () => ({
    define: { __SLIDEV_FEATURE_PRINT__: 'true' },
  }),
}

const { headmatter } = await load({
  roots: [import.meta.dirname],
  userRoot: import.meta.dirname,
}, join(import.meta.dirname, 'slides.md'))
const deckCss = readFileSync(join(import.meta.dirname, 'styles', 'deck.css'), 'utf8')
/** A colour of the deck's light theme, for the installed app's window and splash screen. */
function colour(name: string): string {
  const value = deckCss.match(new RegExp(`${name}:\\s*(#[0-9a-f]{3,8})\\b`, 'i'))?.[1]
  if (!value)
    throw new Error(`styles/deck.css: ${name} is not a hex colour; the web app manifest takes it`)
  return value
}

export default defineConfig({
  plugins: [
    validateDeckData(),
    printView,
    deckRelay(),
    unusedFeatures({
      root: import.meta.dirname,
      files: readDeckFiles(import.meta.dirname),
    }),
    subsetFontPlugin({
      stylesheet: '@fontsource-variable/inter/index.css',
      file: 'inter-latin-wght-normal.woff2',
      root: import.meta.dirname,
      cacheDir: join(import.meta.dirname, 'node_modules', '.cache', 'deck-fonts'),
    }),
    // The Inter file with the Latin letters slide 1 is set in starts loading with the HTML.
    hostedHtml({
      preloadFonts: [/^inter-latin-wght-normal-[\w-]+\.woff2$/],
    }),
    deckStart(),
    offlineDeck({
      title: String(headmatter.title),
      description: String(headmatter.info).replace(/\s+/g, ' ').trim(),
      background: colour('--deck-bg'),
      accent: colour('--deck-accent'),
    }),
  ],
  resolve: {
    alias: [
      // Slidev's client takes parseRangeString from @slidev/parser/core, which also holds the
      // frontmatter parser and with it the whole YAML library (before slide 1); the
      // same function is in @slidev/parser/utils, which imports only @antfu/utils.
      { find: /^@slidev\/parser\/core$/, replacement: '@slidev/parser/utils' },
    ],
  },
  build: {
    // Vite inlines files under 4 KB as data: URLs. A font inlined into the CSS is downloaded by
    // every visitor, whatever its unicode-range, and needs `font-src data:` in the CSP; as a
    // file it is fetched only when a slide uses its characters.
    assetsInlineLimit: file => /\.(?:woff2?|ttf|otf)$/.test(file)
      ? false
      : undefined,
  },
})
