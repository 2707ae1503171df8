import { defineConfig } from 'vite'
import { validateDeckData } from './data/career-check.ts'
import { printView } from './exports/print-view.ts'
import { deckStart } from './hosting/first-screen/start-script.ts'
import { subsetFontPlugin } from './hosting/font-subset.ts'
import { hostedHtml } from './hosting/hosted-html.ts'
import { offlineDeck } from './hosting/offline/pwa.ts'
import { unusedFeatures } from './hosting/unused-features/unused-features.ts'
import { deckRelay } from './relay/relay-plugin.ts'

// Each plugin lives with the feature it serves (docs/layout.md).
export default defineConfig({
  plugins: [
    validateDeckData(),
    printView(),
    deckRelay(),
    unusedFeatures(),
    subsetFontPlugin(),
    hostedHtml(),
    deckStart(),
    offlineDeck(),
  ],
  resolve: {
    alias: [
      // Slidev's client takes one function from @slidev/parser/core, which holds the YAML parser
      // too; @slidev/parser/utils has the same function without it.
      { find: /^@slidev\/parser\/core$/, replacement: '@slidev/parser/utils' },
    ],
  },
})
