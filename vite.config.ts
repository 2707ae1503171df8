import process from 'node:process'
import { defineConfig } from 'vite'
import { validateDeckData } from './data/career-check.ts'
import { printView } from './exports/print-view.ts'
import { deckStart } from './hosting/first-screen/start-script.ts'
import { subsetFontPlugin } from './hosting/font-subset.ts'
import { hostedHtml } from './hosting/hosted-html.ts'
import { offlineDeck } from './hosting/offline/pwa.ts'
import { unusedFeatures } from './hosting/unused-features/unused-features.ts'
import { deckRelay, RELAY_URL_ENV, relaySocketOrigin, resolveRelayUrl } from './relay/relay-plugin.ts'

// A relay build's CSP allows the relay: hosting/ learns it here, so it need not know of relay/.
const relay = resolveRelayUrl(process.env[RELAY_URL_ENV])

// Each plugin lives with the feature it serves (docs/layout.md).
export default defineConfig({
  plugins: [
    validateDeckData(),
    printView(),
    deckRelay(relay),
    unusedFeatures(),
    subsetFontPlugin(),
    hostedHtml(relay ? [relaySocketOrigin(relay)] : []),
    deckStart(),
    offlineDeck(),
  ],
  // Vite's table of gzip sizes costs seconds of the build; the build prints what hosts send.
  // The manifest tells the build which chunks only Mermaid loads (unused-diagram-chunks.ts).
  build: { reportCompressedSize: false, manifest: true },
  resolve: {
    alias: [
      // Slidev's client takes one function from @slidev/parser/core, which holds the YAML parser
      // too; @slidev/parser/utils has the same function without it.
      { find: /^@slidev\/parser\/core$/, replacement: '@slidev/parser/utils' },
    ],
  },
})
